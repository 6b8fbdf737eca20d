package org.disputehub.hub.sla;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.springframework.stereotype.Component;

/** {@code hub-sla-check}: a Quartz trigger looks for missed deadlines and escalates each one once. */
@Component
class SlaCheckRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("quartz:hub/sla-check?trigger.repeatInterval={{hub.sla.check-interval-ms:10000}}&trigger.repeatCount=-1"
                + "&stateful=true")
                .routeId("hub-sla-check")
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Finds missed SLA deadlines; escalates each once (ESCALATED event, supervisor notified)")
                .bean("slaChecker", "check").id("sla-check");
    }
}
