package org.disputehub.hub.dispatch;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.springframework.stereotype.Component;

/**
 * The {@code jms} department channel (docs/interfaces/departments.md): the department's system consumes a queue on the
 * hub's broker (default {@code DEPT.{code}.DISPATCH}, parameters {@code queuePrefix}/{@code queueSuffix}); the message is the same JSON as over HTTP with JMS
 * properties {@code caseId}, {@code dispatchNo} and {@code JMSXGroupID = caseId}. Handing it to that queue is
 * the dispatch; the department then reports through the API or {@code HUB.STATUS.IN}.
 */
@Component
public class DispatchJmsTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "dispatch-jms";

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter("deptCode", null, "department code")
                .templateParameter("deptName", null, "department name")
                .templateParameter("channel", "jms", "the department channel")
                .templateParameter("queuePrefix", "DEPT.", "the department's queue is {queuePrefix}{deptCode}{queueSuffix}")
                .templateParameter("queueSuffix", ".DISPATCH", "see queuePrefix")
                .templateParameter("apiKey", null, "API key the department presents to the hub's status API")
                .templateParameter("consumers", "1", "concurrent consumers of the hub's dispatch queue")
                .templateParameter("supervisorUserIds", "", "Zhengding user ids told when an SLA deadline is missed")
                .from("jms:queue:{{hub.queues.dispatch-prefix}}{{deptCode}}?concurrentConsumers={{consumers}}")
                    .routeConfigurationId(HubErrorPolicy.ID)
                    .description("Dispatches cases to {{deptName}} ({{deptCode}}) on its JMS queue")
                    .setHeader("JMSXGroupID", header("caseId"))
                    .to("jms:queue:{{queuePrefix}}{{deptCode}}{{queueSuffix}}").id("dispatch-jms-send")
                    .process("dispatchRecorder").id("dispatch-jms-record")
                    .filter(header(DispatchRecorder.EMIT))
                        .to(DispatchRecorder.CONFIRM).id("dispatch-jms-status")
                    .end();
    }
}
