package org.disputehub.hub.support;

import java.util.Map;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.HubHeaders;

/**
 * A message a stage emits to the next queue(s): the route splits a list of these and sends each with
 * {@code toD("jms:queue:${header.hubQueue}")}, inside the consuming transaction.
 */
public record Outbound(String queue, String body, Map<String, Object> headers) {

    public static final String QUEUE_HEADER = "hubQueue";

    /** A message about one case, grouped by case so its messages stay in order. */
    public static Outbound forCase(String queue, String caseId, String body) {
        return new Outbound(queue, body, Map.of(HubHeaders.CASE_ID, caseId, HubHeaders.GROUP_ID, caseId));
    }

    public Outbound with(String header, Object value) {
        Map<String, Object> h = new java.util.HashMap<>(headers);
        h.put(header, value);
        return new Outbound(queue, body, Map.copyOf(h));
    }

    /** Split step: turns the exchange's message into this outbound message. */
    public static void apply(Exchange exchange) {
        Outbound out = exchange.getMessage().getBody(Outbound.class);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().getHeaders().putAll(out.headers());
        exchange.getMessage().setHeader(QUEUE_HEADER, out.queue());
        exchange.getMessage().setBody(out.body());
    }
}
