package org.disputehub.connector.labor;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code labor-batch}: a timer whose ticks never overlap runs one {@link BatchScanner} scan of the inbox. The
 * body afterwards is the list of {@link BatchResult}s. Stopping the route (or the hub) pauses a batch between two
 * rows; it resumes after its watermark. The interval placeholder is fed from the validated {@link LaborProperties}.
 * Not on the hub error policy on purpose: a failed batch is not a message to park but a file that stays in the
 * inbox and is resumed by the next scan.
 */
public class LaborBatchRoute extends RouteBuilder {

    public static final String ROUTE_ID = "labor-batch";
    static final String INTERVAL_KEY = LaborProperties.PREFIX + ".poll-interval";

    private final BatchScanner scanner;
    private final LaborProperties properties;

    public LaborBatchRoute(BatchScanner scanner, LaborProperties properties) {
        this.scanner = scanner;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(INTERVAL_KEY, properties.getPollInterval().toMillis() + "ms");
        from("timer:labor-batch?fixedRate=false&period={{" + INTERVAL_KEY + "}}")
                .routeId(ROUTE_ID)
                .description("Reads complete LDJC_*.csv batches (GBK, with their .ok marker) from " + properties.getInbox()
                        + " row by row: NEW/UPDATE envelopes on the intake queue, bad rows to error/{batch}.rejected.csv "
                        + "and the audit log, then the batch to done/ (unreadable: error/)")
                .process(e -> e.getMessage().setBody(scanner.scan(() -> stopping(e.getContext()))))
                .id("labor-batch-scan");
    }

    /** True once the hub or this route is shutting down: a batch pauses between two rows. */
    static boolean stopping(CamelContext camel) {
        if (camel.isStopping()) {
            return true;
        }
        Route route = camel.getRoute(ROUTE_ID);
        return route == null || route.getConsumer() instanceof StatefulService consumer
                && (consumer.isStopping() || consumer.isStopped() || consumer.isSuspending() || consumer.isSuspended());
    }
}
