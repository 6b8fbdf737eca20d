package org.disputehub.connector.alarm110;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code alarm110-intake}: takes the 110 platform's linkage incidents (LDJQ) and withdrawals
 * (LDJQ_CX) from its queue, puts NEW/UPDATE/WITHDRAW envelopes on the intake queue, records identical
 * re-sends as duplicates, and audits then parks (DLQ.{queue}) what it refuses. The queue name and consumer
 * count placeholders are fed from the validated {@link Alarm110Properties}; a JMSReplyTo set by the sender
 * is ignored.
 */
public class Alarm110IntakeRoute extends RouteBuilder {

    public static final String ROUTE_ID = "alarm110-intake";
    static final String QUEUE_KEY = Alarm110Properties.PREFIX + ".queue";
    static final String CONSUMERS_KEY = Alarm110Properties.PREFIX + ".consumers";

    private final AlarmIntake intake;
    private final Alarm110Properties properties;

    public Alarm110IntakeRoute(AlarmIntake intake, Alarm110Properties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent().addOverrideProperty(QUEUE_KEY, properties.getQueue());
        getContext().getPropertiesComponent().addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getConsumers()));
        from("jms:queue:{{" + QUEUE_KEY + "}}?concurrentConsumers={{" + CONSUMERS_KEY + "}}&disableReplyTo=true"
                + "&messageConverter=#" + AlarmJmsBodies.BEAN)
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Takes 110 linkage incidents (LDJQ) and withdrawals (LDJQ_CX) from JMS and puts "
                        + "NEW/UPDATE/WITHDRAW envelopes on the intake queue; audits and parks what it refuses")
                .process(intake::read).id("alarm110-intake-read")
                .choice().id("alarm110-intake-choice")
                    .when(exchangeProperty(AlarmIntake.ACTION).isEqualTo(AlarmIntake.Action.SEND))
                        .to("jms:queue:{{hub.queues.intake}}").id("alarm110-intake-envelope")
                        .process(intake::recorded).id("alarm110-intake-recorded")
                    .otherwise()
                        .to("jms:queue:{{hub.queues.audit}}").id("alarm110-intake-reject-audit")
                        .process(intake::park).id("alarm110-intake-park")
                .end();
    }
}
