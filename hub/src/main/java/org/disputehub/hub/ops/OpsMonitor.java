package org.disputehub.hub.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.stereotype.Service;

/**
 * The periodic check ({@code hub-ops-check}, every {@code hub.alerts.check-interval}): samples the depth of every stage
 * queue and DLQ into the gauges {@code hub.queue.depth{queue, kind=stage|dlq}}, and raises alerts for a DLQ that grew
 * by {@code hub.alerts.dlq-growth} or more, a connector whose routes failed {@code hub.alerts.connector-failures} times
 * or more, and a connector silent for longer than its {@code hub.alerts.silence.{connector}} (a paused connector is
 * not checked).
 */
@Service("opsMonitor")
public class OpsMonitor {

    private final BrokerQueues queues;
    private final RouteActivity activity;
    private final OpsAlerts alerts;
    private final AlertProperties props;
    private final CamelContext camel;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConnectorPause pause;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final Map<String, Long> lastDlqDepth = new ConcurrentHashMap<>();
    private final Map<String, Long> lastFailures = new ConcurrentHashMap<>();

    public OpsMonitor(BrokerQueues queues, RouteActivity activity, OpsAlerts alerts, AlertProperties props,
                      CamelContext camel, Clock clock, MeterRegistry meters, ConnectorPause pause) {
        this.pause = pause;
        this.queues = queues;
        this.activity = activity;
        this.alerts = alerts;
        this.props = props;
        this.camel = camel;
        this.clock = clock;
        this.meters = meters;
    }

    public synchronized void check() {
        for (String q : queues.stageQueues()) {
            sample(q, "stage");
            String dlq = queues.dlq(q);
            long depth = sample(dlq, "dlq");
            Long before = lastDlqDepth.put(dlq, depth);
            if (props.enabled() && before != null && depth - before >= props.dlqGrowth()) {
                alerts.raise("dlq-growth", dlq, dlq + " 新增 " + (depth - before) + " 条停放消息",
                        "**队列** " + dlq + "\n\n**新增** " + (depth - before) + "\n\n**现有** " + depth
                                + "\n\n查看原因并重放：GET /api/v1/admin/dlq/" + q);
            }
        }
        if (props.enabled()) {
            for (String connector : activeConnectors()) {
                if (pause.isPaused(connector)) {
                    continue; // silent and idle by an operator's choice
                }
                checkConnector(connector, activity.state(connector));
            }
        }
    }

    private void checkConnector(String connector, ConnectorState s) {
        long failures = s.failures();
        long before = lastFailures.getOrDefault(connector, 0L);
        lastFailures.put(connector, failures);
        if (failures - before >= props.connectorFailures()) {
            alerts.raise("connector-failing", connector, "接口 " + connector + " 连续失败",
                    "**接口** " + connector + "\n\n**失败次数** " + (failures - before) + "（自上次检查）\n\n**最近错误** "
                            + s.lastError() + "\n\n**最后成功** " + (s.lastSuccessAt() == null ? "无" : s.lastSuccessAt()));
        }
        Duration limit = props.silence().get(connector);
        if (limit != null) {
            Instant reference = s.lastSuccessAt() == null ? s.since() : s.lastSuccessAt();
            Duration silent = Duration.between(reference, clock.instant());
            if (silent.compareTo(limit) > 0) {
                alerts.raise("connector-silent", connector, "接口 " + connector + " 已 " + silent.toMinutes() + " 分钟无数据",
                        "**接口** " + connector + "\n\n**最后成功** " + (s.lastSuccessAt() == null ? "启动后无" : s.lastSuccessAt())
                                + "\n\n**阈值** " + limit);
            }
        }
    }

    /** The connectors with routes in this hub (the enabled ones). */
    public TreeSet<String> activeConnectors() {
        TreeSet<String> out = new TreeSet<>();
        for (Route r : camel.getRoutes()) {
            String c = RouteRole.connectorOf(r.getRouteId());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private long sample(String queue, String kind) {
        long depth = queues.depth(queue);
        depths.computeIfAbsent(queue, q -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("hub.queue.depth", holder, AtomicLong::get).description("messages on a queue at the last check")
                    .tags("queue", q, "kind", kind).register(meters);
            return holder;
        }).set(depth);
        return depth;
    }
}
