package org.disputehub.connector.zhengding;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * The {@code zhengding} department channel as the route template {@code dispatch-zhengding}: a department without
 * its own case system, whose duty staff ({@code userIds}) get a work notification for every dispatch. Each
 * department is an instance in {@code routes/*.yaml}. In one JMS transaction the route takes the order from
 * {@code HUB.DISPATCH.{deptCode}}, puts the notification on {@code HUB.NOTIFY.ZHENGDING} (sent by route
 * {@code zhengding-notify}) and the DISPATCHED status event to {@code {{hub.endpoints.dispatched}}} (in the hub: route
 * {@code hub-dispatched}, inside this transaction; by the contract: {@code HUB.STATUS}). A later notice about the case
 * (header {@code hubNotice}: UPDATE, WITHDRAW) becomes a notification only.
 */
public class ZhengdingDispatchTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "dispatch-" + Zhengding.CHANNEL;

    private final DispatchNotice notice;

    public ZhengdingDispatchTemplate(DispatchNotice notice) {
        this.notice = notice;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter("deptCode", null, "department code, e.g. 330105-SJ-001")
                .templateParameter("deptName", null, "department name")
                .templateParameter("userIds", null, "the duty staff's Zhengding user ids, comma-separated")
                .templateParameter("channel", Zhengding.CHANNEL, "the department channel")
                .templateParameter("consumers", "1", "concurrent consumers of the department's queue")
                .templateParameter("supervisorUserIds", "", "Zhengding user ids told when an SLA deadline is missed")
                .configure(context -> {
                    String where = "routes/ department " + context.getProperty("deptCode") + ": ";
                    try {
                        DispatchNotice.userIds(context.getCamelContext().resolvePropertyPlaceholders(
                                String.valueOf(context.getProperty("userIds"))));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(where + e.getMessage(), e);
                    }
                })
                .from("jms:queue:{{hub.queues.dispatch-prefix}}{{deptCode}}?concurrentConsumers={{consumers}}")
                    .routeConfigurationId(HubErrorPolicy.ID)
                    .description("Notifies the duty staff of {{deptName}} ({{deptCode}}) of new dispatches through Zhengding")
                    .setProperty(DispatchNotice.DEPT_CODE, constant("{{deptCode}}"))
                    .setProperty(DispatchNotice.DEPT_NAME, constant("{{deptName}}"))
                    .setProperty(DispatchNotice.USER_IDS, constant("{{userIds}}"))
                    .process(notice::prepare).id("zhengding-dispatch-notice")
                    .to("jms:queue:{{hub.queues.notify}}").id("zhengding-dispatch-notify")
                    .filter(exchangeProperty(DispatchNotice.EMIT_STATUS))
                        .process(notice::toStatus).id("zhengding-dispatch-status-event")
                        .to("{{hub.endpoints.dispatched}}").id("zhengding-dispatch-status")
                    .end();
    }
}
