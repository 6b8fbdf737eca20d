package org.disputehub.connector.hotline12345;

import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.ResolvedEndpoint;
import org.disputehub.canonical.model.CaseEnvelope;

/**
 * Puts the poller's output on the hub's queues: envelopes on HUB.INTAKE (persistent, grouped per work
 * order so NEW and UPDATE of one order stay in order) and rejected records on HUB.AUDIT. A send that
 * fails throws, so the poller neither records the record as seen nor advances its watermark.
 */
public class Hotline12345Publisher {

    static final String INTAKE = "jms:queue:{{hub.queues.intake}}?deliveryPersistent=true";
    static final String AUDIT = "jms:queue:{{hub.queues.audit}}?deliveryPersistent=true";

    private final ProducerTemplate producer;
    private final ResolvedEndpoint intakeEndpoint;
    private final ResolvedEndpoint auditEndpoint;

    public Hotline12345Publisher(ProducerTemplate producer) {
        this.producer = producer;
        this.intakeEndpoint = new ResolvedEndpoint(producer, INTAKE);
        this.auditEndpoint = new ResolvedEndpoint(producer, AUDIT);
    }

    public void envelope(CaseEnvelope envelope) {
        producer.sendBodyAndHeader(intakeEndpoint.get(), Json.write(envelope),
                HubHeaders.GROUP_ID, Hotline12345.SYSTEM + ":" + envelope.sourceId());
    }

    public void audit(AuditRecord record) {
        producer.sendBody(auditEndpoint.get(), Json.write(record));
    }
}
