package org.disputehub.connector.odr;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.InboundErrorPolicy;

/**
 * Route {@code odr-webhook}: the ODR platform's signed webhooks ({@code POST /api/inbound/odr}). Refusals (413,
 * 401, 400, 404, 409) are answered and recorded by the inbound error policy; an accepted event is answered 200
 * only after its effect was sent persistently.
 */
public class OdrWebhookRoute extends RouteBuilder {

    public static final String ROUTE_ID = "odr-webhook";

    private final OdrWebhook webhook;

    public OdrWebhookRoute(OdrWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        // useStreaming: the body as the bytes received (the default reads it through a Reader, which re-encodes
        // anything that is not valid UTF-8, and the signature is over the bytes)
        from("platform-http:" + Odr.WEBHOOK_PATH + "?httpMethodRestrict=POST&useStreaming=true")
                .routeId(ROUTE_ID)
                .routeConfigurationId(InboundErrorPolicy.ID)
                .description("Takes in signed ODR webhooks: new/updated/withdrawn disputes become envelopes on the "
                        + "intake queue, mediation outcomes become status events of the hub case")
                .process(webhook::receive).id("odr-webhook-receive")
                .process(webhook::verify).id("odr-webhook-verify")
                .process(webhook::handle).id("odr-webhook-handle");
    }
}
