package org.disputehub.connector.odr;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * The {@code odr} department channel as a route template ({@code dispatch-odr}): a department declared with it in
 * {@code routes/*.yaml} hands its cases to ODR online mediation. Its dispatch orders arrive on
 * {@code HUB.DISPATCH.{deptCode}} (canonical case JSON; headers caseId, dispatchNo, deptCode); each is posted to
 * ODR, audited, and confirmed to the hub with a DISPATCHED event to {@code {{hub.endpoints.dispatched}}} (in the hub:
 * route {@code hub-dispatched}, inside this route's transaction; by the contract: HUB.STATUS). A notice about a dispatched case
 * (header {@code hubNotice}: UPDATE, WITHDRAW) is recorded as not delivered: ODR has no endpoint for it.
 */
public class DispatchOdrTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "dispatch-" + Odr.DEPT_CHANNEL;

    private final OdrMediationChannel channel;

    public DispatchOdrTemplate(OdrMediationChannel channel) {
        this.channel = channel;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter("deptCode", null, "department code, e.g. 330108-TJ-ODR")
                .templateParameter("deptName", null, "department name")
                .templateParameter("channel", Odr.DEPT_CHANNEL, "the department channel")
                .templateParameter("consumers", "{{hub.consumers.queue}}",
                        "concurrent consumers of the department's queue (default: from the machine, hub.consumers.queue)")
                .templateParameter("supervisorUserIds", "", "Zhengding user ids told when an SLA deadline is missed")
                .from("jms:queue:{{hub.queues.dispatch-prefix}}{{deptCode}}?concurrentConsumers={{consumers}}")
                    .routeConfigurationId(HubErrorPolicy.ID)
                    .description("Hands cases to ODR online mediation for {{deptName}} ({{deptCode}})")
                    .setProperty(OdrMediationChannel.DEPT_CODE).constant("{{deptCode}}")
                    .setProperty(OdrMediationChannel.DEPT_NAME).constant("{{deptName}}")
                    .process(channel::send).id("dispatch-odr-send")
                    .removeHeaders("JMS*")
                    .to("jms:queue:{{hub.queues.audit}}").id("dispatch-odr-audit")
                    .filter(exchangeProperty(OdrMediationChannel.CONFIRM))
                        .process(channel::confirm).id("dispatch-odr-confirm")
                        .to("{{hub.endpoints.dispatched}}").id("dispatch-odr-status")
                    .end();
    }
}
