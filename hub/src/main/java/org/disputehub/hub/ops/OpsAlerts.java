package org.disputehub.hub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.model.Notification;
import org.disputehub.hub.support.Outbound;
import org.disputehub.hub.support.OutboundSender;
import org.disputehub.hub.support.LogTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends operations alerts as Zhengding work notifications ({@code HUB.NOTIFY.ZHENGDING}), throttled: at most one per
 * kind and subject within {@code hub.alerts.throttle}; the ones held back are counted and the next alert says how
 * many. Metric {@code hub.alerts{kind, outcome=sent|suppressed}}.
 */
@Component
public class OpsAlerts {

    private static final Logger LOG = LoggerFactory.getLogger("hub.alerts");

    private final AlertProperties props;
    private final OutboundSender sender;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<String> recipients;
    private final String notifyQueue;
    private final String publicUrl;
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    private record Throttle(Instant lastSentAt, int suppressed) {
    }

    public OpsAlerts(AlertProperties props, OutboundSender sender, Clock clock, MeterRegistry meters,
                     @Value("${hub.duty-leader-user-ids:}") List<String> dutyLeaders,
                     @Value("${hub.queues.notify}") String notifyQueue, @Value("${hub.public-url}") String publicUrl) {
        this.props = props;
        this.sender = sender;
        this.clock = clock;
        this.meters = meters;
        this.recipients = props.userIds().isEmpty() ? dutyLeaders : props.userIds();
        this.notifyQueue = notifyQueue;
        this.publicUrl = publicUrl;
    }

    /** Raises an alert; false when it was held back by the throttle. {@code text} must not carry personal data. */
    public boolean raise(String kind, String subject, String title, String text) {
        String key = kind + ":" + subject;
        Instant now = clock.instant();
        int suppressed;
        synchronized (throttles) {
            Throttle t = throttles.get(key);
            if (t != null && now.isBefore(t.lastSentAt().plus(props.throttle()))) {
                throttles.put(key, new Throttle(t.lastSentAt(), t.suppressed() + 1));
                meters.counter("hub.alerts", "kind", kind, "outcome", "suppressed").increment();
                LOG.info("alert {} about {} held back (one was sent at {}): {}", kind, subject,
                        LogTimes.of(t.lastSentAt(), clock.getZone()), title);
                return false;
            }
            suppressed = t == null ? 0 : t.suppressed();
            throttles.put(key, new Throttle(now, 0));
        }
        String markdown = "**告警** " + title + "\n\n" + text
                + (suppressed > 0 ? "\n\n**合并** 上次告警后同类告警又发生 " + suppressed + " 次（已抑制）" : "")
                + "\n\n**时间** " + LogTimes.of(now, clock.getZone());
        LOG.warn("alert {} about {}: {}{}", kind, subject, title, suppressed > 0 ? " (" + suppressed + " held back before)" : "");
        meters.counter("hub.alerts", "kind", kind, "outcome", "sent").increment();
        if (recipients.isEmpty()) {
            return true;
        }
        Notification n = new Notification("alert:" + key + ":" + now.toEpochMilli(), null, recipients, "【运维告警】" + title,
                markdown, "打开监控", publicUrl + "/actuator/hawtio");
        sender.send(List.of(new Outbound(notifyQueue, Json.write(n), Map.of(HubHeaders.GROUP_ID, "alert:" + key))));
        return true;
    }
}
