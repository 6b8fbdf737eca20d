package org.disputehub.connector.labor;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code labor-progress}: relays the status changes the hub puts on HUB.RELAY.LABOR to the labor system as
 * progress posts, then records each sent body on the audit queue. The consumer count placeholder is fed from the
 * validated {@link LaborProperties}.
 */
public class LaborProgressRoute extends RouteBuilder {

    public static final String ROUTE_ID = "labor-progress";
    static final String CONSUMERS_KEY = LaborProperties.PREFIX + ".progress-consumers";

    private final LaborProgress progress;
    private final LaborProperties properties;

    public LaborProgressRoute(LaborProgress progress, LaborProperties properties) {
        this.progress = progress;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getProgressConsumers()));
        from("jms:queue:{{hub.queues.relay-prefix}}" + Labor.SYSTEM + "?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Relays case status changes to the labor-inspection system as progress posts "
                        + "(已受理, 已交办, 调处中, 已办结, 已回访, 已退回) and audits what was sent")
                .process(progress::prepare).id("labor-progress-prepare")
                .filter(exchangeProperty(LaborProgress.SEND)).id("labor-progress-filter")
                    .process(progress::send).id("labor-progress-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("labor-progress-audit")
                .end();
    }
}
