package org.disputehub.connector.labor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.fixtures.labor.LaborSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo simulator of test-fixtures against the real connector classes. */
class LaborSimulatorTest extends LaborContextTest {

    private LaborSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = LaborSimulator.start(0, INBOX, "sim-labor-key", null,
                Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.ofHours(8)));
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    @Test
    void theConnectorReadsTheSimulatorsBatchesWithTheirBadRowsAndUpdates() throws Exception {
        Path first = simulator.dropBatch();
        Path second = simulator.dropBatch();

        assertThat(first.getFileName().toString()).isEqualTo("LDJC_20261122100000.csv");
        assertThat(second.getFileName().toString()).isEqualTo("LDJC_20261122100001.csv");
        List<BatchResult> results = scanner.scan();

        assertThat(results).extracting(BatchResult::outcome).containsOnly(BatchResult.Outcome.DONE);
        assertThat(results).extracting(BatchResult::created).containsExactly(3L, 3L);
        assertThat(results).extracting(BatchResult::rejected).containsExactly(1L, 1L);
        assertThat(results).extracting(BatchResult::updated).containsExactly(0L, 1L);
        List<CaseEnvelope> envelopes = envelopes();
        assertThat(envelopes).hasSize(7);
        assertThat(envelopes.get(6).type()).isEqualTo(EnvelopeType.UPDATE);
        assertThat(envelopes.get(6).sourceId()).isEqualTo(envelopes.get(0).sourceId());
        assertThat(names(ERROR)).containsExactly("LDJC_20261122100000.rejected.csv", "LDJC_20261122100001.rejected.csv");
    }

    @Test
    void theSimulatorAcceptsProgressWithItsKeyOnly() {
        LaborProperties p = new LaborProperties();
        p.setBaseUrl(simulator.baseUrl());
        p.setApiKey("sim-labor-key");
        String body = "{\"stage\":\"已交办\",\"dept\":\"浦沿街道劳动保障所\",\"deptCode\":\"330108-LB-002\","
                + "\"time\":\"2026-11-22 11:00\",\"remark\":\"已交办\"}";

        new LaborClient(p).postProgress("LD2026112210000000", body);

        assertThat(simulator.server().findAll(postRequestedFor(
                urlPathEqualTo("/ldjc/api/v1/complaints/LD2026112210000000/progress")))).hasSize(1);
        assertThatThrownBy(() -> new LaborClient(p).postProgress(LaborSimulator.UNKNOWN_COMPLAINT, body))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("404");
        p.setApiKey("wrong");
        assertThatThrownBy(() -> new LaborClient(p).postProgress("LD2026112210000000", body))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("HTTP 401");
    }
}
