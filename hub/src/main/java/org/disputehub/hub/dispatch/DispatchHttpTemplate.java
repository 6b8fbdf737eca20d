package org.disputehub.hub.dispatch;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The {@code http} department channel as a route template. Each department is an instance in
 * {@code routes/*.yaml}; its cases arrive on its own queue {@code HUB.DISPATCH.{deptCode}}, so a department
 * that is down holds back only its own cases while retries run.
 */
@Component
public class DispatchHttpTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "dispatch-http";

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter("deptCode", null, "department code, e.g. 330108-ZF-001")
                .templateParameter("deptName", null, "department name")
                .templateParameter("baseUrl", null, "base URL of the department's case system")
                .templateParameter("token", null, "bearer token the hub presents to the department")
                .templateParameter("apiKey", null, "API key the department presents to the hub")
                .templateParameter("channel", "http", "the department channel")
                .templateParameter("consumers", "{{hub.consumers.queue}}",
                        "concurrent consumers of the department's queue (default: from the machine, hub.consumers.queue)")
                .templateParameter("supervisorUserIds", "", "Zhengding user ids told when an SLA deadline is missed")
                .from("jms:queue:{{hub.queues.dispatch-prefix}}{{deptCode}}?concurrentConsumers={{consumers}}")
                    .routeConfigurationId(DispatchErrorPolicy.ID)
                    .description("Dispatches cases to {{deptName}} ({{deptCode}}) over HTTP")
                    .process("dispatchHttpSender").id("dispatch-http-send")
                    .process("dispatchRecorder").id("dispatch-record")
                    .filter(header(DispatchRecorder.EMIT))
                        .to(DispatchRecorder.CONFIRM).id("dispatch-status")
                    .end();
    }
}
