package org.disputehub.connector.zhengding;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.HubErrorPolicy;

/**
 * Route {@code zhengding-notify}: the one sender of work notifications (new dispatches of zhengding departments,
 * SLA warnings, escalations, alerts). Consumes the {@code Notification} JSON on HUB.NOTIFY.ZHENGDING with the hub
 * error policy: temporary failures are retried with back-off, then parked; permanent ones are parked at once.
 */
public class ZhengdingNotifyRoute extends RouteBuilder {

    public static final String ROUTE_ID = "zhengding-notify";

    static final String CONSUMERS_KEY = ZhengdingProperties.PREFIX + ".notify-consumers";

    private final ZhengdingNotifier notifier;
    private final ZhengdingProperties properties;

    public ZhengdingNotifyRoute(ZhengdingNotifier notifier, ZhengdingProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent()
                .addOverrideProperty(CONSUMERS_KEY, Integer.toString(properties.getNotifyConsumers()));
        from("jms:queue:{{hub.queues.notify}}?concurrentConsumers={{" + CONSUMERS_KEY + "}}")
                .routeId(ROUTE_ID)
                .routeConfigurationId(HubErrorPolicy.ID)
                .description("Sends work notifications to Zhengding users as action cards (at most 100 users per call), "
                        + "idempotent by dedupeKey, and audits every call")
                .process(notifier::send).id("zhengding-notify-send");
    }
}
