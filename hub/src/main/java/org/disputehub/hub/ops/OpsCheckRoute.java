package org.disputehub.hub.ops;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code hub-ops-check}: samples queue depths and raises operations alerts every {@code hub.alerts.check-interval}. */
@Component
class OpsCheckRoute extends RouteBuilder {

    private final AlertProperties props;

    OpsCheckRoute(AlertProperties props) {
        this.props = props;
    }

    @Override
    public void configure() {
        from("timer:hub-ops-check?fixedRate=false&delay=1000&period=" + props.checkInterval().toMillis())
                .routeId("hub-ops-check")
                .description("Samples stage and DLQ depths (gauges) and alerts on DLQ growth and failing or silent connectors")
                .bean("opsMonitor", "check").id("ops-check");
    }
}
