package org.disputehub.hub.intake;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/** {@code hub-intake}: every envelope from every connector becomes one stored case, routed to its department. */
@Component
class IntakeRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:{{hub.queues.intake}}?concurrentConsumers={{hub.intake.consumers}}")
                .routeId("hub-intake")
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Validates, de-duplicates, classifies, stores and routes each case envelope")
                .bean("intakeService", "accept").id("intake-accept")
                .split(body())
                    .process(Outbound::apply).id("intake-prepare")
                    .toD("jms:queue:${header." + Outbound.QUEUE_HEADER + "}?preserveMessageQos=true").id("intake-emit")
                .end();
    }
}
