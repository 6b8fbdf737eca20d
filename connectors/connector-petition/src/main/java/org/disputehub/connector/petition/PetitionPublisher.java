package org.disputehub.connector.petition;

import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.ResolvedEndpoint;
import org.disputehub.canonical.model.CaseEnvelope;

/**
 * Puts accepted petitions on HUB.INTAKE (persistent, grouped per petition so NEW and UPDATE of one XFJBH stay
 * in order) and raw messages that never became an envelope on HUB.AUDIT. Each send returns only once the
 * broker has stored the message; a failed send throws, so the push is answered 500 and nothing is recorded.
 */
public class PetitionPublisher {

    static final String INTAKE = "jms:queue:{{hub.queues.intake}}?deliveryPersistent=true";
    static final String AUDIT = "jms:queue:{{hub.queues.audit}}?deliveryPersistent=true";

    private final ProducerTemplate producer;
    private final ResolvedEndpoint intakeEndpoint;
    private final ResolvedEndpoint auditEndpoint;

    public PetitionPublisher(ProducerTemplate producer) {
        this.producer = producer;
        this.intakeEndpoint = new ResolvedEndpoint(producer, INTAKE);
        this.auditEndpoint = new ResolvedEndpoint(producer, AUDIT);
    }

    public void envelope(CaseEnvelope envelope) {
        producer.sendBodyAndHeader(intakeEndpoint.get(), Json.write(envelope), HubHeaders.GROUP_ID, Petition.GROUP_PREFIX + envelope.sourceId());
    }

    public void audit(AuditRecord record) {
        producer.sendBody(auditEndpoint.get(), Json.write(record));
    }
}
