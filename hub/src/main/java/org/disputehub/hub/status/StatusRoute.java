package org.disputehub.hub.status;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/**
 * {@code hub-status}: status events in order per case (JMSXGroupID = caseId), applied by the state machine
 * and relayed to the case's origin through {@code HUB.RELAY.{SYSTEM}}.
 */
@Component
class StatusRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:{{hub.queues.status}}?concurrentConsumers={{hub.status.consumers}}")
                .routeId("hub-status")
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Applies status events in order per case and relays each change to the origin")
                .bean("statusService", "apply").id("status-apply")
                .split(body())
                    .process(Outbound::apply).id("status-prepare")
                    .toD("jms:queue:${header." + Outbound.QUEUE_HEADER + "}?preserveMessageQos=true").id("status-relay")
                .end();
    }
}
