package org.disputehub.connector.odr;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code odr-status}: relays the status changes the hub puts on HUB.RELAY.ODR to the platform as OAuth2
 * authorised PUTs, then records each sent (or dropped) body on the audit queue. The consumer count placeholder
 * is fed from the validated {@link OdrProperties}.
 */
public class OdrStatusRoute extends RouteBuilder {

    public static final String ROUTE_ID = "odr-status";
    static final String CONSUMERS_KEY = OdrProperties.PREFIX + ".status-consumers";

    private final OdrStatusSink sink;
    private final OdrProperties properties;

    public OdrStatusRoute(OdrStatusSink sink, OdrProperties properties) {
        this.sink = sink;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getStatusConsumers()));
        from("jms:queue:{{hub.queues.relay-prefix}}" + Odr.SYSTEM + "?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Relays case status changes to ODR (PUT /api/v1/disputes/{id}/status, OAuth2) and audits "
                        + "what was sent")
                .process(sink::prepare).id("odr-status-prepare")
                .filter(exchangeProperty(OdrStatusSink.SEND)).id("odr-status-filter")
                    .process(sink::send).id("odr-status-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("odr-status-audit")
                .end();
    }
}
