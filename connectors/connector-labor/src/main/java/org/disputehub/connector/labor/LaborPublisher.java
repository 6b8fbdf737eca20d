package org.disputehub.connector.labor;

import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.ResolvedEndpoint;
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
    private final ResolvedEndpoint intake;
    private final ResolvedEndpoint audit;

    public LaborPublisher(ProducerTemplate producer) {
        this.producer = producer;
        this.intake = new ResolvedEndpoint(producer, INTAKE);
        this.audit = new ResolvedEndpoint(producer, AUDIT);
    }

    public void envelope(CaseEnvelope envelope) {
        producer.sendBodyAndHeader(intake.get(), Json.write(envelope), HubHeaders.GROUP_ID, Labor.SYSTEM + ":" + envelope.sourceId());
    }

    public void audit(AuditRecord record) {
        producer.sendBody(audit.get(), Json.write(record));
    }
}
