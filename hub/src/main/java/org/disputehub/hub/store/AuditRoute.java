package org.disputehub.hub.store;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.springframework.stereotype.Component;

/** {@code hub-audit}: raw messages that connectors report (rejections, messages sent) go into the audit chain. */
@Component
class AuditRoute extends RouteBuilder {

    private final AuditLog audit;

    AuditRoute(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void configure() {
        from("jms:queue:{{hub.queues.audit}}?concurrentConsumers={{hub.audit.consumers}}")
                .routeId("hub-audit")
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Appends raw messages reported by connectors to the hash-chained audit log")
                .process(e -> audit.append(Json.read(e.getMessage().getBody(String.class), AuditRecord.class)))
                .id("audit-append");
    }
}
