package org.disputehub.connector.labor;

import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.model.CaseEnvelope;

/**
 * Puts what a batch yields on the hub's queues: envelopes on HUB.INTAKE (persistent, grouped per complaint so NEW
 * and UPDATE of one complaint stay in order) and rejected rows or batches on HUB.AUDIT. A send that fails throws,
 * so the batch stops before its watermark moves past the row and resumes there on the next scan. The two endpoints
 * are resolved once, not per row.
 */
public class LaborPublisher {

    static final String INTAKE = "jms:queue:{{hub.queues.intake}}?deliveryPersistent=true";
    static final String AUDIT = "jms:queue:{{hub.queues.audit}}?deliveryPersistent=true";

    private final ProducerTemplate producer;
    private volatile Endpoint intake;
    private volatile Endpoint audit;

    public LaborPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void envelope(CaseEnvelope envelope) {
        if (intake == null) {
            intake = producer.getCamelContext().getEndpoint(INTAKE);
        }
        producer.sendBodyAndHeader(intake, Json.write(envelope), HubHeaders.GROUP_ID, Labor.SYSTEM + ":" + envelope.sourceId());
    }

    public void audit(AuditRecord record) {
        if (audit == null) {
            audit = producer.getCamelContext().getEndpoint(AUDIT);
        }
        producer.sendBody(audit, Json.write(record));
    }
}
