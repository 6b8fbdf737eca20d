package org.disputehub.connector.alarm110;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.fixtures.alarm110.Alarm110Simulator;
import org.junit.jupiter.api.Test;

/** The demo simulator of test-fixtures against the real connector: its alarms become envelopes, its endpoint answers feedback. */
class Alarm110SimulatorTest extends Alarm110ContextTest {

    private static final String SIM_KEY = "sim-110-key";

    @Test
    void theSimulatorsAlarmsBecomeEnvelopesAndItsEndpointAnswersFeedback() throws Exception {
        List<CaseEnvelope> envelopes = new ArrayList<>();
        try (Alarm110Simulator sim = Alarm110Simulator.start(0, SIM_KEY, connectionFactory, QUEUE, Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.withdrawn().size() >= 2);
            List<String> incidents = sim.incidents();
            List<String> withdrawn = sim.withdrawn();
            sim.close(); // nothing more is published; the queue drains
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                drain(INTAKE).forEach(m -> envelopes.add(read(m)));
                return envelopes.size() >= incidents.size() + withdrawn.size();
            });

            assertThat(envelopes).filteredOn(e -> e.type() == EnvelopeType.NEW).extracting(CaseEnvelope::sourceId)
                    .containsExactlyInAnyOrderElementsOf(incidents);
            assertThat(envelopes).filteredOn(e -> e.type() == EnvelopeType.WITHDRAW).extracting(CaseEnvelope::sourceId)
                    .containsExactlyInAnyOrderElementsOf(withdrawn);
            assertThat(envelopes).filteredOn(e -> e.type() == EnvelopeType.NEW)
                    .allSatisfy(e -> assertThat(CaseSchema.violations(Json.tree(e.caseData()))).isEmpty());
            Set<String> linkage = envelopes.stream().filter(e -> e.type() == EnvelopeType.NEW)
                    .map(e -> e.caseData().appealType()).collect(Collectors.toSet());
            assertThat(linkage).containsExactlyInAnyOrder("非警务分流", "一警双派");
            assertThat(drain(QUEUE_DLQ)).isEmpty();
        }
    }

    @Test
    void theSimulatedEndpointChecksKeyAndIncidentAndKeepsWhatItGot() {
        try (Alarm110Simulator sim = Alarm110Simulator.start(0, SIM_KEY, connectionFactory, QUEUE, Duration.ofHours(1))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.incidents().size() == 1);
            String published = sim.incidents().get(0);
            String fkxx = FeedbackXml.fkxx(published, "20261122094010", "02", "330108-ZF-001", "浦沿街道综合执法队", "已签收");

            assertThat(client(sim, SIM_KEY).sendFeedback(fkxx)).isEqualTo("成功");
            assertThatThrownBy(() -> client(sim, SIM_KEY).sendFeedback(fkxx.replace(published, "330108200001010000")))
                    .isInstanceOf(PermanentFailureException.class).hasMessageContaining("CODE 1001");
            assertThatThrownBy(() -> client(sim, SIM_KEY).sendFeedback(fkxx.replace("<FKZT>02", "<FKZT>99")))
                    .isInstanceOf(PermanentFailureException.class).hasMessageContaining("CODE 1002");
            assertThatThrownBy(() -> client(sim, "wrong-key").sendFeedback(fkxx))
                    .isInstanceOf(PermanentFailureException.class).hasMessageContaining("HTTP 4");
            assertThat(sim.server().findAll(postRequestedFor(urlPathEqualTo(Alarm110Simulator.FEEDBACK_PATH))))
                    .hasSize(4).first().satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo(fkxx));
            envelopeOf(published);
        }
    }

    private void envelopeOf(String jqbh) {
        await().atMost(Duration.ofSeconds(10)).until(() -> drain(INTAKE).stream().map(this::read)
                .anyMatch(e -> e.sourceId().equals(jqbh)));
    }

    private CaseEnvelope read(jakarta.jms.Message m) {
        try {
            return envelope(m);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Alarm110Client client(Alarm110Simulator sim, String key) {
        Alarm110Properties p = new Alarm110Properties();
        p.setBaseUrl(sim.baseUrl());
        p.setApiKey(key);
        return new Alarm110Client(p);
    }
}
