package org.disputehub.connector.hotline12345;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code hotline12345-poll}: a timer whose ticks never overlap runs one {@link Hotline12345Poller} cycle.
 * The placeholder is fed from the validated {@link Hotline12345Properties}, so Camel and Spring always agree
 * on the interval however it was written (5s, PT5S, an environment variable).
 */
public class Hotline12345PollRoute extends RouteBuilder {

    public static final String ROUTE_ID = "hotline12345-poll";
    static final String INTERVAL_KEY = Hotline12345Properties.PREFIX + ".poll-interval";

    private final Hotline12345Poller poller;
    private final Hotline12345Properties properties;

    public Hotline12345PollRoute(Hotline12345Poller poller, Hotline12345Properties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(INTERVAL_KEY, properties.getPollInterval().toMillis() + "ms");
        // fixedRate=false: the next tick is scheduled after the previous cycle ended, so cycles never overlap
        from("timer:hotline12345-poll?fixedRate=false&period={{" + INTERVAL_KEY + "}}")
                .routeId(ROUTE_ID)
                .description("Polls the 12345 hotline for work orders updated since the watermark and puts "
                        + "NEW/UPDATE/WITHDRAW envelopes on the intake queue")
                .bean(poller, "poll").id("hotline12345-poll-cycle");
    }
}
