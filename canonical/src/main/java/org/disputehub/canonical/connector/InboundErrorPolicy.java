package org.disputehub.canonical.connector;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;

/**
 * The error policy of push endpoints ({@code routeConfigurationId("inbound-error-policy")}): a refused
 * message is answered with its specific status and body and recorded as REJECTED in the audit log (via
 * {@code HUB.AUDIT}) with the raw bytes as received (kept up to {@link #MAX_RECORDED} bytes); anything
 * unexpected is a 500 and recorded too. A push is never parked: the sender is told and retries.
 */
public class InboundErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "inbound-error-policy";
    /** Exchange property a push route sets first: the raw request body as byte[]. */
    public static final String RAW = "hubInboundRaw";
    public static final int MAX_RECORDED = 64 * 1024;

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(InboundRejectedException.class).handled(true)
                    .process(InboundErrorPolicy::reject).id("inbound-reject")
                    .to("jms:queue:{{hub.queues.audit}}?exchangePattern=InOnly&transacted=false").id("inbound-reject-audit")
                    .process(InboundErrorPolicy::respond).id("inbound-reject-respond")
                .end()
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.ERROR, "hub.inbound", "push to ${routeId} failed: ${exception.class.simpleName}")
                    .process(InboundErrorPolicy::unexpected).id("inbound-unexpected")
                    .to("jms:queue:{{hub.queues.audit}}?exchangePattern=InOnly&transacted=false").id("inbound-unexpected-audit")
                    .process(InboundErrorPolicy::respond).id("inbound-unexpected-respond");
    }

    static void reject(Exchange exchange) {
        InboundRejectedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, InboundRejectedException.class);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, e.status());
        exchange.setProperty("hubResponseType", e.contentType());
        exchange.setProperty("hubResponseBody", e.responseBody());
        org.slf4j.LoggerFactory.getLogger("hub.inbound").warn("{} push {} refused with {}: {}", e.system(), e.ref(),
                e.status(), Masking.text(e.getMessage()));
        exchange.getMessage().setBody(Json.write(record(exchange, e.system(), e.ref(), e.getMessage())));
    }

    static void unexpected(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
        exchange.setProperty("hubResponseType", "application/json");
        exchange.setProperty("hubResponseBody", "{\"error\":\"internal error, retry later\"}");
        exchange.getMessage().setBody(Json.write(record(exchange, exchange.getFromRouteId(), "?",
                "internal error: " + Masking.text(String.valueOf(t)))));
    }

    static void respond(Exchange exchange) {
        // answer with the status, content type and body only: never echo request headers (signatures, keys)
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, exchange.getProperty("hubResponseType", String.class));
        exchange.getMessage().setBody(exchange.getProperty("hubResponseBody", String.class));
    }

    private static AuditRecord record(Exchange exchange, String system, String ref, String reason) {
        byte[] raw = exchange.getProperty(RAW, byte[].class);
        String body = raw == null ? "" : new String(raw, 0, Math.min(raw.length, MAX_RECORDED), StandardCharsets.UTF_8);
        String note = raw != null && raw.length > MAX_RECORDED ? " (body truncated from " + raw.length + " bytes)" : "";
        return new AuditRecord(system, AuditRecord.Direction.IN, ref,
                exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class), body, AuditRecord.Outcome.REJECTED,
                reason + note, OffsetDateTime.now());
    }
}
