package org.disputehub.connector.zhengding;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.ResolvedEndpoint;
import org.disputehub.canonical.model.StatusEvent;

/**
 * Puts the connector's output on the hub's queues, each send committed on its own before it returns: audit records
 * of work-notification calls the platform accepted (so a later failure of the same message cannot take back the
 * record of a call that went out) and the status events of callbacks on HUB.STATUS.IN, grouped per case.
 */
public class ZhengdingPublisher {

    static final String AUDIT = "jms:queue:{{hub.queues.audit}}?transacted=false&deliveryPersistent=true";
    static final String STATUS_IN = "jms:queue:{{hub.queues.status-in}}?transacted=false&deliveryPersistent=true";

    private final ProducerTemplate producer;
    private final ResolvedEndpoint auditEndpoint;
    private final ResolvedEndpoint statusInEndpoint;

    public ZhengdingPublisher(ProducerTemplate producer) {
        this.producer = producer;
        this.auditEndpoint = new ResolvedEndpoint(producer, AUDIT);
        this.statusInEndpoint = new ResolvedEndpoint(producer, STATUS_IN);
    }

    public void audit(AuditRecord record) {
        producer.sendBody(auditEndpoint.get(), Json.write(record));
    }

    public void statusEvent(StatusEvent event) {
        producer.sendBodyAndHeaders(statusInEndpoint.get(), Json.write(event),
                Map.of(HubHeaders.CASE_ID, event.caseId(), HubHeaders.GROUP_ID, event.caseId()));
    }
}
