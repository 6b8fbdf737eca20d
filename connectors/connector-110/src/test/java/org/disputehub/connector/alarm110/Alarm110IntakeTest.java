package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.OffsetDateTime;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.junit.jupiter.api.Test;

class Alarm110IntakeTest extends Alarm110ContextTest {

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
    void theSameContentAgainIsANewForTheHubToDeduplicateAndAChangedResendAnUpdate() throws Exception {
        String xml = Fixtures.text(NOISE);
        publish("LDJQ", xml);
        CaseEnvelope first = envelope(next(INTAKE));
        assertThat(first.type()).isEqualTo(EnvelopeType.NEW);

        // the same content, formatted differently: forwarded as NEW again (the hub keeps one case per JQBH and
        // hands on what a crash may have lost), never as an UPDATE that would bother the department
        publish("LDJQ", xml.replaceAll(">\\s+<", "><"));
        CaseEnvelope again = envelope(next(INTAKE));
        publish("LDJQ", xml.replace("双方发生口角", "双方发生口角，现已动手"));
        CaseEnvelope update = envelope(next(INTAKE));

        assertThat(again.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(again.sourceId()).isEqualTo(JQBH);
        assertThat(update.type()).isEqualTo(EnvelopeType.UPDATE);
        assertThat(update.caseData().description()).endsWith("现已动手");
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(QUEUE_DLQ)).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsSentAgainForTheHubToDeduplicate() throws Exception {
        String xml = Fixtures.text(NOISE);
        publish("LDJQ", xml);
        CaseEnvelope first = envelope(next(INTAKE));

        // the broker redelivers the same message, as after a crash between storing the hash and the JMS commit
        redeliver("LDJQ", xml);
        CaseEnvelope again = envelope(next(INTAKE));

        assertThat(first.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(again.type()).as("the hub creates the case from it only if it never got the first")
                .isEqualTo(EnvelopeType.NEW);
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
    void aWithdrawalBecomesAWithdrawEnvelope() throws Exception {
        publish("LDJQ", Fixtures.text(NOISE));
        next(INTAKE);
        String cx = Fixtures.text("samples/valid/withdrawal.xml");
        publish("LDJQ_CX", cx);
        Message m = next(INTAKE);
        publish("LDJQ_CX", cx);
        CaseEnvelope again = envelope(next(INTAKE)); // the hub ignores a second withdrawal of a withdrawn case

        CaseEnvelope e = envelope(m);
        assertThat(e.type()).isEqualTo(EnvelopeType.WITHDRAW);
        assertThat(e.sourceId()).isEqualTo(JQBH);
        assertThat(e.reason()).isEqualTo("报警人撤警");
        assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:45:00+08:00"));
        assertThat(e.caseData()).isNull();
        assertThat(e.raw().body()).isEqualTo(cx);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("ALARM110:" + JQBH);
        assertThat(again.type()).isEqualTo(EnvelopeType.WITHDRAW);
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void aWithdrawalOfAnIncidentNeverTakenInIsRetriedThenParked() throws Exception {
        String cx = Fixtures.text("samples/valid/withdrawal.xml").replace(JQBH, "330108202611229999");
        publish("LDJQ_CX", cx);

        Message parked = next(QUEUE_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("TemporaryFailureException")
                .contains("has not been taken in")
                .contains("330108202611229999"); // masked text, but a JQBH whose check character fails is no ID number
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
