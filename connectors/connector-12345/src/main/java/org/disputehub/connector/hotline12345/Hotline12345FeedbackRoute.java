package org.disputehub.connector.hotline12345;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code hotline12345-feedback}: relays the status changes the hub puts on HUB.RELAY.HOTLINE12345
 * to the hotline as signed feedback, then records each sent body on the audit queue. The consumer count
 * placeholder is fed from the validated {@link Hotline12345Properties}.
 */
public class Hotline12345FeedbackRoute extends RouteBuilder {

    public static final String ROUTE_ID = "hotline12345-feedback";

    static final String CONSUMERS_KEY = Hotline12345Properties.PREFIX + ".feedback-consumers";

    private final Hotline12345Feedback feedback;
    private final Hotline12345Properties properties;

    public Hotline12345FeedbackRoute(Hotline12345Feedback feedback, Hotline12345Properties properties) {
        this.feedback = feedback;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getFeedbackConsumers()));
        from("jms:queue:{{hub.queues.relay-prefix}}" + Hotline12345.SYSTEM
                + "?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Relays case status changes to the 12345 hotline as signed feedback POSTs "
                        + "(SIGN, PROCESS, FINISH, RETURN, VISIT) and audits what was sent")
                .process(feedback::prepare).id("hotline12345-feedback-prepare")
                .filter(exchangeProperty(Hotline12345Feedback.SEND)).id("hotline12345-feedback-filter")
                    .process(feedback::send).id("hotline12345-feedback-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("hotline12345-feedback-audit")
                .end();
    }
}
