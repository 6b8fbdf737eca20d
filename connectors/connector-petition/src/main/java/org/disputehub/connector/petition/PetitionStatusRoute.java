package org.disputehub.connector.petition;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code petition-status}: relays the status changes the hub puts on HUB.RELAY.PETITION to the petition
 * platform as signed {@code <BLZT>} POSTs (受理, 交办, 办理中, 办结, 回访, 退回), then records each sent body on
 * the audit queue. The consumer count placeholder is fed from the validated {@link PetitionProperties}.
 */
public class PetitionStatusRoute extends RouteBuilder {

    public static final String ROUTE_ID = "petition-status";
    static final String CONSUMERS_KEY = PetitionProperties.PREFIX + ".status-consumers";

    private final PetitionStatus status;
    private final PetitionProperties properties;

    public PetitionStatusRoute(PetitionStatus status, PetitionProperties properties) {
        this.status = status;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getStatusConsumers()));
        from("jms:queue:{{hub.queues.relay-prefix}}" + Petition.SYSTEM + "?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Relays case status changes to the petition platform as signed BLZT POSTs "
                        + "(受理, 交办, 办理中, 办结, 回访, 退回) and audits what was sent")
                .process(status::prepare).id("petition-status-prepare")
                .filter(exchangeProperty(PetitionStatus.SEND)).id("petition-status-filter")
                    .process(status::send).id("petition-status-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("petition-status-audit")
                .end();
    }
}
