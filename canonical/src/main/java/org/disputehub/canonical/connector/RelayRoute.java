package org.disputehub.canonical.connector;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code {connector}-relay}, the same for every origin system: takes the status changes the hub puts on
 * {@code HUB.RELAY.{SYSTEM}} and lets the connector's {@link RelaySink} map and send each one; the sink records the
 * delivery and the raw message sent in one database transaction (no audit queue hop; crash points in
 * {@link RelaySink}). The hub groups relay messages by case (JMSXGroupID) and a retried message holds its group, so
 * the changes of one case reach the origin in order. Errors: the hub error policy (permanent → parked at once,
 * temporary → retried with back-off, then parked).
 */
public class RelayRoute extends RouteBuilder {

    private final RelaySink sink;
    private final int consumers;
    private final String description;

    public RelayRoute(RelaySink sink, int consumers, String description) {
        this.sink = sink;
        this.consumers = consumers;
        this.description = description;
    }

    /** {@code {connector}-relay}. */
    public static String routeId(String connector) {
        return connector + "-relay";
    }

    @Override
    public void configure() {
        String id = routeId(sink.connector());
        from("jms:queue:{{hub.queues.relay-prefix}}" + sink.system() + "?concurrentConsumers=" + consumers)
                .routeId(id)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description(description)
                .process(sink::prepare).id(id + "-prepare")
                .filter(exchangeProperty(RelaySink.SEND)).id(id + "-filter")
                    .process(sink::send).id(id + "-send")
                .end();
    }
}
