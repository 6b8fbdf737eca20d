package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.fixtures.odr.OdrSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo simulator of test-fixtures against the real connector: webhooks in, token, status and mediation out. */
class OdrSimulatorTest extends OdrContextTest {

    private OdrSimulator simulator;

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void theSimulatorFilesSignedDisputesTheWebhookTakes() throws Exception {
        simulator = OdrSimulator.start(0, webhook().toString(), SECRET, "sim-hub", "sim-secret",
                Duration.ofMillis(300), Duration.ofSeconds(1));

        CaseEnvelope first = Json.read(text(next(INTAKE)), CaseEnvelope.class);
        CaseEnvelope second = Json.read(text(next(INTAKE)), CaseEnvelope.class);

        for (CaseEnvelope e : List.of(first, second)) {
            assertThat(e.type()).isEqualTo(EnvelopeType.NEW);
            assertThat(e.system()).isEqualTo("ODR");
            assertThat(e.caseData().caseId()).matches("HUB-\\d{8}-\\d{6}");
            assertThat(CaseSchema.violations(Json.tree(e.caseData()))).isEmpty();
        }
        assertThat(first.sourceId()).isNotEqualTo(second.sourceId());
        assertThat(first.caseData().category().sourceCode()).isEqualTo("CONSUMER");
        assertThat(second.caseData().category().sourceCode()).isEqualTo("PROPERTY");
        // the envelope is queued before the 200 is written, so the simulator may count the reply a moment later
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(simulator.delivered()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aMediationCreatedAtTheSimulatorComesBackConcluded() throws Exception {
        simulator = OdrSimulator.start(0, webhook().toString(), SECRET, "sim-hub", "sim-secret",
                null, Duration.ofMillis(300));
        OdrProperties p = new OdrProperties();
        p.setBaseUrl(simulator.baseUrl());
        p.setClientId("sim-hub");
        p.setClientSecret("sim-secret");
        HttpClient http = HttpClient.newHttpClient();
        OdrClient client = new OdrClient(http, new OdrTokenProvider(http, p, new ConnectorMetrics(null, Odr.CONNECTOR), java.time.Clock.systemUTC()), p);
        String caseId = "HUB-20261122-000401";

        HttpResponse<String> created = client.postMediation(Json.write(new MediationMapper(DisputeTypes.load(
                DisputeTypes.DEFAULT_LOCATION)).map(OdrChannelTest.dispatchedCase(caseId, 1))), caseId + ":1");
        String disputeId = json(created.body()).path("disputeId").asText();
        new OdrLinks(store).linkMediation(disputeId, caseId, TestApplication.DEPT_CODE);

        assertThat(created.statusCode()).isEqualTo(201);
        StatusEvent outcome = Json.read(text(next(STATUS_IN)), StatusEvent.class);
        assertThat(outcome.caseId()).isEqualTo(caseId);
        assertThat(outcome.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(outcome.actor().deptCode()).isEqualTo(TestApplication.DEPT_CODE);
        assertThat(Json.read(text(next(STATUS_IN)), StatusEvent.class).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(client.putStatus(disputeId, "{\"status\":\"ASSIGNED\",\"updatedAt\":\"2026-11-22T10:20:00+08:00\"}")
                .statusCode()).isEqualTo(204);
        assertThat(client.putStatus(disputeId, "{\"status\":\"SIGNED\"}").statusCode()).as("not an ODR status").isEqualTo(400);
    }
}
