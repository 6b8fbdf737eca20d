package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.junit.jupiter.api.Test;

class Alarm110IntakeTest extends ConnectorContextTest {

    private static final String NOISE = "samples/valid/ldlx1-noise.xml";
    private static final String JQBH = "330108202611220001";

    @Test
    void aLinkageIncidentBecomesANewEnvelopeWithTheRawMessage() throws Exception {
        String xml = Fixtures.text(NOISE);
        publish("LDJQ", xml);

        Message m = next(INTAKE);
        CaseEnvelope e = envelope(m);

        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("ALARM110:" + JQBH);
        assertThat(m.getStringProperty("MsgType")).as("the 110 message's properties stay behind").isNull();
        assertThat(e.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(e.system()).isEqualTo("ALARM110");
        assertThat(e.sourceId()).isEqualTo(JQBH);
        assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:15+08:00"));
        assertThat(e.caseData().source().sourceId()).isEqualTo(JQBH);
        assertThat(e.caseData().category().sourceCode()).isEqualTo("0501");
        assertThat(e.raw().contentType()).isEqualTo("application/xml");
        assertThat(e.raw().body()).isEqualTo(xml);
        assertThat(store.sourceVersion("ALARM110", JQBH)).get().asString().matches("[0-9a-f]{64}");
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void eachHostileSampleIsParkedWithItsReasonAndAuditedWhileValidMessagesAroundItGetThrough() throws Exception {
        List<Fixtures.Hostile> hostile = Fixtures.hostile();
        double rejected = count("hub.connector.messages", "direction", "in", "outcome", "rejected");
        publish("LDJQ", Fixtures.text("samples/valid/ldlx2-neighbour.xml"));
        for (Fixtures.Hostile h : hostile) {
            publish(h.msgType(), h.body());
        }
        publish("LDJQ", Fixtures.bytes("samples/valid/anonymous.xml")); // UTF-8 bytes are fine too

        List<Message> parked = next(QUEUE_DLQ, hostile.size());
        List<AuditRecord> audits = new ArrayList<>();
        for (Message m : next(AUDIT, hostile.size())) {
            audits.add(Json.read(text(m), AuditRecord.class));
        }
        List<CaseEnvelope> envelopes = List.of(envelope(next(INTAKE)), envelope(next(INTAKE)));

        assertThat(envelopes).extracting(CaseEnvelope::sourceId, CaseEnvelope::type).containsExactlyInAnyOrder(
                tuple("330108202611220002", EnvelopeType.NEW),
                tuple("330108202611220003", EnvelopeType.NEW));
        Map<String, Message> parkedByBody = new HashMap<>();
        for (Message m : parked) {
            parkedByBody.put(m.getStringProperty("MsgType") + "|" + text(m), m);
        }
        for (Fixtures.Hostile h : hostile) {
            String body = h.body() instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) h.body();
            Message m = parkedByBody.get(h.msgType() + "|" + body);
            assertThat(m).as("parked: " + h.file()).isNotNull();
            assertThat(m.getStringProperty("HubParkReason")).as(h.file())
                    .startsWith("PermanentFailureException: alarm110 " + h.element() + ": ").contains(h.reason());
            assertThat(m.getStringProperty("HubParkedFrom")).isEqualTo(QUEUE);
            assertThat(m instanceof BytesMessage).as("kept as it came: " + h.file()).isEqualTo(h.body() instanceof byte[]);
            AuditRecord audit = audits.stream().filter(a -> a.body().equals(body)).findFirst().orElse(null);
            assertThat(audit).as("audited: " + h.file()).isNotNull();
            assertThat(audit.system()).isEqualTo("ALARM110");
            assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
            assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
            assertThat(audit.reason()).startsWith(h.element() + ": ").contains(h.reason());
        }
        assertThat(count("hub.connector.messages", "direction", "in", "outcome", "rejected") - rejected)
                .isEqualTo(hostile.size());
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void anOversizeMessageIsParkedWholeAndAuditedClipped() throws Exception {
        String big = "<JQXX><BJNR>" + "x".repeat(100_000) + "</BJNR></JQXX>";
        publish("LDJQ", big);

        Message parked = next(QUEUE_DLQ);
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);

        assertThat(parked.getStringProperty("HubParkReason")).contains("body: over 65536 bytes");
        assertThat(text(parked)).isEqualTo(big);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.body()).hasSize(65536).isEqualTo(big.substring(0, 65536));
        assertThat(audit.reason()).contains("the parked message is whole");
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void theSameJqbhTwiceMakesOneNewEnvelopeAndAChangedResendAnUpdate() throws Exception {
        String xml = Fixtures.text(NOISE);
        publish("LDJQ", xml);
        assertThat(envelope(next(INTAKE)).type()).isEqualTo(EnvelopeType.NEW);

        publish("LDJQ", xml.replaceAll(">\\s+<", "><")); // the same content, formatted differently
        AuditRecord duplicate = Json.read(text(next(AUDIT)), AuditRecord.class);
        publish("LDJQ", xml.replace("双方发生口角", "双方发生口角，现已动手"));
        CaseEnvelope update = envelope(next(INTAKE));

        assertThat(duplicate.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
        assertThat(duplicate.ref()).isEqualTo(JQBH);
        assertThat(update.type()).isEqualTo(EnvelopeType.UPDATE);
        assertThat(update.caseData().description()).endsWith("现已动手");
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(QUEUE_DLQ)).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsSentAgainAsAnUpdateNeverAsASecondNew() throws Exception {
        String xml = Fixtures.text(NOISE);
        publish("LDJQ", xml);
        CaseEnvelope first = envelope(next(INTAKE));

        // the broker redelivers the same message, as after a crash between storing the hash and the JMS commit
        redeliver("LDJQ", xml);
        CaseEnvelope again = envelope(next(INTAKE));

        assertThat(first.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(again.type()).as("not a second NEW; the hub creates the case from it only if it never got the first")
                .isEqualTo(EnvelopeType.UPDATE);
        assertThat(again.caseData()).isEqualTo(first.caseData().withSource(again.caseData().source()));
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aRedeliveredMessageNeverSeenBeforeBecomesOneNewEnvelope() throws Exception {
        redeliver("LDJQ", Fixtures.text("samples/valid/wage-joint.xml"));

        assertThat(envelope(next(INTAKE)).type()).isEqualTo(EnvelopeType.NEW);
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void aWithdrawalBecomesAWithdrawEnvelopeOnce() throws Exception {
        publish("LDJQ", Fixtures.text(NOISE));
        next(INTAKE);
        String cx = Fixtures.text("samples/valid/withdrawal.xml");
        publish("LDJQ_CX", cx);
        Message m = next(INTAKE);
        publish("LDJQ_CX", cx);
        AuditRecord duplicate = Json.read(text(next(AUDIT)), AuditRecord.class);

        CaseEnvelope e = envelope(m);
        assertThat(e.type()).isEqualTo(EnvelopeType.WITHDRAW);
        assertThat(e.sourceId()).isEqualTo(JQBH);
        assertThat(e.reason()).isEqualTo("报警人撤警");
        assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:45:00+08:00"));
        assertThat(e.caseData()).isNull();
        assertThat(e.raw().body()).isEqualTo(cx);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("ALARM110:" + JQBH);
        assertThat(duplicate.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void aWithdrawalOfAnIncidentNeverTakenInIsRetriedThenParked() throws Exception {
        String cx = Fixtures.text("samples/valid/withdrawal.xml").replace(JQBH, "330108202611229999");
        publish("LDJQ_CX", cx);

        Message parked = next(QUEUE_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("TemporaryFailureException")
                .contains("has not been taken in")
                .contains("3301**********9999"); // the park reason is masked, and an 18-digit JQBH looks like an ID number
        assertThat(text(parked)).isEqualTo(cx);
        assertThat(drain(INTAKE)).isEmpty();
    }

    /** Sends a message, takes it in a transaction that rolls back, so the route gets it with JMSRedelivered=true. */
    private void redeliver(String msgType, String xml) throws Exception {
        camel.getRouteController().stopRoute(Alarm110IntakeRoute.ROUTE_ID);
        try {
            publish(msgType, xml);
            // a plain in-VM connection, not the context's caching factory (whose cached consumer would keep messages)
            try (ActiveMQConnectionFactory plain = new ActiveMQConnectionFactory("vm://0");
                 Connection c = plain.createConnection()) {
                c.start();
                Session s = c.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = s.createConsumer(s.createQueue(QUEUE));
                assertThat(consumer.receive(10_000)).isNotNull();
                s.rollback();
            }
        } finally {
            camel.getRouteController().startRoute(Alarm110IntakeRoute.ROUTE_ID);
        }
    }
}
