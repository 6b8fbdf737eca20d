package org.disputehub.connector.alarm110;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code alarm110-feedback}: relays the status changes the hub puts on HUB.RELAY.ALARM110 to the
 * 110 platform as {@code <FKXX>} feedback, then records each sent body on the audit queue. The hub groups
 * relay messages by case (JMSXGroupID), and a retried message holds its group, so the feedback of one
 * incident arrives in order. The consumer count placeholder is fed from the validated {@link Alarm110Properties}.
 */
public class Alarm110FeedbackRoute extends RouteBuilder {

    public static final String ROUTE_ID = "alarm110-feedback";
    static final String CONSUMERS_KEY = Alarm110Properties.PREFIX + ".feedback-consumers";

    private final Alarm110Feedback feedback;
    private final Alarm110Properties properties;

    public Alarm110FeedbackRoute(Alarm110Feedback feedback, Alarm110Properties properties) {
        this.feedback = feedback;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getFeedbackConsumers()));
        from("jms:queue:{{hub.queues.relay-prefix}}" + Alarm110.SYSTEM
                + "?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Relays case status changes to the 110 platform as <FKXX> feedback "
                        + "(FKZT 01 派单 … 07 回访) and audits what was sent")
                .process(feedback::prepare).id("alarm110-feedback-prepare")
                .filter(exchangeProperty(Alarm110Feedback.SEND)).id("alarm110-feedback-filter")
                    .process(feedback::send).id("alarm110-feedback-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("alarm110-feedback-audit")
                .end();
    }
}
