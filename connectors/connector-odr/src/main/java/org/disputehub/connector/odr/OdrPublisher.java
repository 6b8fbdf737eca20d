package org.disputehub.connector.odr;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.ResolvedEndpoint;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.StatusEvent;

/**
 * Puts what the webhook learnt on the hub's queues, each send persistent and committed before it returns:
 * envelopes on HUB.INTAKE (grouped per dispute), mediation outcomes on HUB.STATUS.IN (grouped per case, so a
 * RESOLVED and the CLOSED after it stay in order) and raw events that became no envelope on HUB.AUDIT.
 * A failed send throws, so the platform gets no 2xx and sends the event again.
 */
public class OdrPublisher {

    static final String INTAKE = "jms:queue:{{hub.queues.intake}}?deliveryPersistent=true";
    static final String STATUS_IN = "jms:queue:{{hub.queues.status-in}}?deliveryPersistent=true";
    static final String AUDIT = "jms:queue:{{hub.queues.audit}}?deliveryPersistent=true";

    private final ProducerTemplate producer;
    private final ResolvedEndpoint intakeEndpoint;
    private final ResolvedEndpoint statusInEndpoint;
    private final ResolvedEndpoint auditEndpoint;

    public OdrPublisher(ProducerTemplate producer) {
        this.producer = producer;
        this.intakeEndpoint = new ResolvedEndpoint(producer, INTAKE);
        this.statusInEndpoint = new ResolvedEndpoint(producer, STATUS_IN);
        this.auditEndpoint = new ResolvedEndpoint(producer, AUDIT);
    }

    public void envelope(CaseEnvelope envelope) {
        producer.sendBodyAndHeader(intakeEndpoint.get(), Json.write(envelope), HubHeaders.GROUP_ID, Odr.SYSTEM + ":" + envelope.sourceId());
    }

    public void status(StatusEvent event) {
        producer.sendBodyAndHeaders(statusInEndpoint.get(), Json.write(event),
                Map.of(HubHeaders.GROUP_ID, event.caseId(), HubHeaders.CASE_ID, event.caseId()));
    }

    public void audit(AuditRecord record) {
        producer.sendBody(auditEndpoint.get(), Json.write(record));
    }
}
