package org.disputehub.hub.status;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.hub.dispatch.DispatchRecorder;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/**
 * {@code hub-dispatched}: the DISPATCHED event of a department channel, applied and relayed inside the channel's
 * route ({@link DispatchConfirmation}), on its thread, JMS session and transaction. No error handler of its own: a
 * failure goes back to the channel's route, whose policy retries or parks the order.
 */
@Component
class DispatchedRoute extends RouteBuilder {

    @Override
    public void configure() {
        from(DispatchRecorder.CONFIRM)
                .routeId("hub-dispatched")
                .errorHandler(noErrorHandler())
                .description("Applies a department channel's DISPATCHED event in the dispatch stage and relays it")
                .bean("dispatchConfirmation", "apply").id("dispatched-apply")
                .split(body())
                    .process(Outbound::apply).id("dispatched-prepare")
                    .toD("jms:queue:${header." + Outbound.QUEUE_HEADER + "}?preserveMessageQos=true").id("dispatched-relay")
                .end();
    }
}
