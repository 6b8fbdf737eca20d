package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.ServiceStatus;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code fixtures/alarm110/samples/hostile/expected.csv}) through the real interface:
 * each input is a JMS message on the connector's queue and must end as the manifest says — refused with its
 * specific reason, parked and audited, nothing on the intake queue, the route still started — while valid
 * incidents sent among them all reach the intake queue exactly once.
 */
class Alarm110HostileCorpusTest extends Alarm110ContextTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Set if a consumer ever deserialises an ObjectMessage body (a gadget chain would run at that moment). */
    static final AtomicBoolean DESERIALISED = new AtomicBoolean();

    static List<Fixtures.Hostile> corpus() {
        return Fixtures.corpus();
    }

    @Test
    void theCorpusHasAtLeastFiftyDistinctInputs() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(Fixtures.Hostile::file).doesNotHaveDuplicates();
    }

    /**
     * Each input is sent together with a valid incident of its own JQBH (two consumers take them side by side):
     * the hostile one ends as the manifest says, the valid one reaches the intake queue exactly once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputEndsAsTheManifestSaysWhileValidTrafficFlows(Fixtures.Hostile input) throws Exception {
        String validJqbh = String.format("33010820261122%04d", 9000 + corpus().indexOf(input));
        publish("LDJQ", Fixtures.text("samples/valid/ldlx1-noise.xml").replace("330108202611220001", validJqbh));
        send(input);

        List<CaseEnvelope> envelopes = new ArrayList<>();
        await().atMost(BOUND).until(() -> {
            for (Message m : drain(INTAKE)) {
                envelopes.add(envelope(m));
            }
            return envelopes.size() >= (input.accepted() ? 2 : 1);
        });
        CaseEnvelope valid = envelopes.stream().filter(e -> e.sourceId().equals(validJqbh)).findFirst().orElseThrow();
        assertThat(valid.type()).isEqualTo(EnvelopeType.NEW);
        if (input.accepted()) {
            CaseEnvelope e = envelopes.stream().filter(x -> x != valid).findFirst().orElseThrow();
            assertThat(e.type()).isEqualTo(EnvelopeType.NEW);
            assertThat(e.raw().body()).isEqualTo(input.body());
            assertThat(Json.write(e.caseData())).as("carried verbatim").contains(Json.write(input.reason()).replace("\"", ""));
            assertThat(drain(AUDIT)).isEmpty();
        } else {
            assertRefused(input, next(QUEUE_DLQ), Json.read(text(next(AUDIT)), AuditRecord.class));
        }
        assertThat(envelopes).as("the valid incident exactly once, nothing for the hostile input")
                .hasSize(input.accepted() ? 2 : 1);
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(QUEUE_DLQ)).isEmpty();
        assertThat(camel.getRouteController().getRouteStatus(Alarm110IntakeRoute.ROUTE_ID)).isEqualTo(ServiceStatus.Started);
        assertThat(DESERIALISED).as("an ObjectMessage body is never deserialised").isFalse();
    }

    private void assertRefused(Fixtures.Hostile input, Message parked, AuditRecord audit) throws Exception {
        assertThat(parked.getStringProperty("HubParkReason")).as("park reason")
                .startsWith("PermanentFailureException: alarm110 " + input.element() + ": ").contains(input.reason());
        assertThat(parked.getStringProperty("HubParkedFrom")).isEqualTo(QUEUE);
        assertThat(parked.getStringProperty("MsgType")).as("parked as it came").isEqualTo(input.msgType());
        if (List.of("map", "object", "stream").contains(input.delivery())) {
            assertThat(parked).as("a body that is never read is not parked either")
                    .isNotInstanceOfAny(ObjectMessage.class, MapMessage.class, StreamMessage.class, TextMessage.class, BytesMessage.class);
            String type = Map.of("map", "MapMessage", "object", "ObjectMessage", "stream", "StreamMessage").get(input.delivery());
            assertThat(audit.body()).isEqualTo("(a " + type + ", not read)");
        } else if (input.textOrBytes()) {
            assertThat(text(parked)).as("parked whole").isEqualTo(input.body() instanceof byte[] b
                    ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : input.body());
        }
        assertThat(audit.system()).isEqualTo(Alarm110.SYSTEM);
        assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.reason()).as("audit reason").startsWith(input.element() + ": ").contains(input.reason());
    }

    private void send(Fixtures.Hostile input) {
        switch (input.delivery()) {
            case "text", "bytes" -> publish(input.msgType(), input.body());
            default -> waiting.send(QUEUE, session -> {
                Message m = switch (input.delivery()) {
                    case "map" -> {
                        MapMessage map = session.createMapMessage();
                        map.setString("JQBH", "330108202611220001");
                        yield map;
                    }
                    case "object" -> session.createObjectMessage(new Probe());
                    case "stream" -> {
                        StreamMessage stream = session.createStreamMessage();
                        stream.writeString("<JQXX/>");
                        yield stream;
                    }
                    default -> session.createMessage();
                };
                m.setStringProperty("MsgType", input.msgType());
                return m;
            });
        }
    }

    /** An ObjectMessage payload that notices being deserialised. */
    static final class Probe implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALISED.set(true);
        }
    }
}
