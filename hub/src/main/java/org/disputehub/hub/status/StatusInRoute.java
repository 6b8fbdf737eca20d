package org.disputehub.hub.status;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/**
 * {@code hub-status-in}: status events that department systems put on {@code HUB.STATUS.IN}; admitted like the
 * HTTP API's (the actor's deptCode must be the assignee) or parked with the reason.
 */
@Component
class StatusInRoute extends RouteBuilder {

    private final StatusAdmission admission;

    StatusInRoute(StatusAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void configure() {
        from("jms:queue:{{hub.queues.status-in}}")
                .routeId("hub-status-in")
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Admits department status events from the HUB.STATUS.IN queue")
                .process(this::admit).id("status-in-admit")
                .split(body())
                    .process(Outbound::apply).id("status-in-prepare")
                    .toD("jms:queue:${header." + Outbound.QUEUE_HEADER + "}").id("status-in-emit")
                .end();
    }

    private void admit(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        StatusEvent e;
        try {
            e = Json.read(body, StatusEvent.class);
        } catch (IllegalArgumentException ex) {
            throw new PermanentFailureException("malformed status event: " + ex.getMessage(), ex);
        }
        String dept = e.actor() == null ? null : e.actor().deptCode();
        if (dept == null) {
            throw new PermanentFailureException("status event without actor.deptCode");
        }
        StatusAdmission.Result r = admission.admit(e.caseId(), body, dept);
        switch (r.verdict()) {
            case ACCEPTED -> exchange.getMessage().setBody(r.emit());
            case ALREADY_RECEIVED -> exchange.getMessage().setBody(List.of());
            default -> throw new PermanentFailureException(r.verdict() + ": " + r.message());
        }
    }
}
