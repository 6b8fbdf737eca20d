package org.disputehub.canonical.connector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.StatusEvent;
import org.springframework.jms.core.JmsTemplate;

/**
 * Puts what a connector took in on the hub's queues, each send persistent and stored by the broker before it
 * returns: envelopes on HUB.INTAKE (grouped per source record, {@code {SYSTEM}:{sourceId}}, so NEW and UPDATE of
 * one record stay in order), status events on HUB.STATUS.IN (grouped per case) and raw messages that became no
 * envelope, or went out, on HUB.AUDIT. A failed send throws, so the caller records nothing and the origin is not
 * told the message was taken. The endpoints are resolved once, not per send.
 */
public class IntakePublisher {

    private final ProducerTemplate producer;
    private final String system;
    private final ResolvedEndpoint intake;
    private final ResolvedEndpoint statusIn;
    private final ResolvedEndpoint audit;
    private volatile JmsTemplate transactedJms;

    /** Sends inside the caller's transaction, if there is one. */
    public IntakePublisher(ProducerTemplate producer, String system) {
        this(producer, system, "");
    }

    /**
     * {@code ownTransactions}: each send is committed on its own, even inside a transacted route (an audit record of a
     * call that went out must not be taken back by a later failure of the same message).
     */
    public static IntakePublisher committingEachSend(ProducerTemplate producer, String system) {
        return new IntakePublisher(producer, system, "&transacted=false");
    }

    private IntakePublisher(ProducerTemplate producer, String system, String options) {
        this.producer = producer;
        this.system = system;
        this.intake = new ResolvedEndpoint(producer, "jms:queue:{{hub.queues.intake}}?deliveryPersistent=true" + options);
        this.statusIn = new ResolvedEndpoint(producer, "jms:queue:{{hub.queues.status-in}}?deliveryPersistent=true" + options);
        this.audit = new ResolvedEndpoint(producer, "jms:queue:{{hub.queues.audit}}?deliveryPersistent=true" + options);
    }

    public void envelope(CaseEnvelope envelope) {
        send(envelope);
    }

    private void send(CaseEnvelope envelope) {
        producer.sendBodyAndHeader(intake.get(), Json.write(envelope), HubHeaders.GROUP_ID, groupId(envelope));
    }

    /** NEW and UPDATE of one source record in one JMS group: consumed in order. */
    private String groupId(CaseEnvelope envelope) {
        return system + ":" + envelope.sourceId();
    }

    /**
     * Puts several envelopes on HUB.INTAKE in one JMS transaction, in their order: all are stored, or (the send or the
     * commit failing) none, and the broker syncs its journal once for all of them instead of once per envelope.
     */
    public void envelopes(List<CaseEnvelope> envelopes) {
        if (envelopes.size() <= 1) {
            envelopes.forEach(this::send);
            return;
        }
        String queue = ((JmsEndpoint) intake.get()).getDestinationName();
        transactedJms().execute(session -> {
            try (MessageProducer out = session.createProducer(session.createQueue(queue))) {
                out.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (CaseEnvelope envelope : envelopes) {
                    TextMessage message = session.createTextMessage(Json.write(envelope));
                    message.setStringProperty(HubHeaders.GROUP_ID, groupId(envelope));
                    out.send(message);
                }
            }
            session.commit();
            return null;
        }, false);
    }

    /** A template over the intake endpoint's (pooled) connection factory, made on first use. */
    private JmsTemplate transactedJms() {
        JmsTemplate jms = transactedJms;
        if (jms == null) {
            jms = new JmsTemplate(((JmsEndpoint) intake.get()).getConfiguration().getOrCreateConnectionFactory());
            jms.setSessionTransacted(true);
            transactedJms = jms;
        }
        return jms;
    }

    public void status(StatusEvent event) {
        producer.sendBodyAndHeaders(statusIn.get(), Json.write(event),
                Map.of(HubHeaders.GROUP_ID, event.caseId(), HubHeaders.CASE_ID, event.caseId()));
    }

    public void audit(AuditRecord record) {
        producer.sendBody(audit.get(), Json.write(record));
    }
}
