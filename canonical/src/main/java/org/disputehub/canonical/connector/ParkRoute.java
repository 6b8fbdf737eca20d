package org.disputehub.canonical.connector;

import java.time.OffsetDateTime;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsEndpoint;
import org.disputehub.canonical.codec.Masking;

/**
 * Parks a message that cannot be processed on {@code DLQ.{queue it came from}} with the reason,
 * the source queue and the time as headers: visible in Hawtio, replayable, never dropped.
 */
public class ParkRoute extends RouteBuilder {

    public static final String URI = "direct:hub-park";

    @Override
    public void configure() {
        from(URI).routeId("hub-park")
                .description("Parks a message that failed for good on DLQ.{source queue} with its reason")
                .process(ParkRoute::describe).id("park-describe")
                .log(org.apache.camel.LoggingLevel.WARN, "hub.park",
                        "parked caseId=${header.caseId} from ${header.HubParkedFrom}: ${header.HubParkReason}")
                .toD("jms:queue:{{hub.queues.dlq-prefix}}${header.HubParkedFrom}").id("park-send");
    }

    static void describe(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown"
                : cause.getClass().getSimpleName() + ": " + Masking.text(String.valueOf(cause.getMessage()));
        exchange.getMessage().setHeader(HubHeaders.PARK_REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        exchange.getMessage().setHeader(HubHeaders.PARKED_FROM, sourceQueue(exchange));
        exchange.getMessage().setHeader(HubHeaders.PARKED_AT, OffsetDateTime.now().toString());
    }

    static String sourceQueue(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        if (from instanceof JmsEndpoint jms) {
            return jms.getDestinationName();
        }
        return exchange.getFromRouteId() == null ? "UNKNOWN" : exchange.getFromRouteId();
    }
}
