package org.disputehub.hub.cockpit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.disputehub.hub.ops.BrokerQueues;
import org.disputehub.hub.ops.RouteRole;
import org.springframework.stereotype.Service;

/**
 * Depth and parked count of every stage queue ({@link BrokerQueues}), grouped by the stage of the route consuming it
 * ({@link RouteRole}), in the order a case passes the stages.
 */
@Service
class StageQueues {

    private static final List<String> ORDER = List.of("inbound", "intake", "dispatch", "status", "relay", "notify",
            "audit", "sla", "other");

    private final CamelContext camel;
    private final BrokerQueues broker;

    StageQueues(CamelContext camel, BrokerQueues broker) {
        this.camel = camel;
        this.broker = broker;
    }

    Queues now() {
        Map<String, String> stageOf = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof JmsEndpoint jms && !jms.isPubSubDomain()) {
                stageOf.putIfAbsent(jms.getDestinationName(), RouteRole.of(route.getRouteId()).stage());
            }
        }
        List<Queues.Queue> queues = new ArrayList<>();
        stageOf.forEach((queue, stage) -> queues.add(new Queues.Queue(queue, stage, broker.depth(queue),
                broker.depth(broker.dlq(queue)))));
        queues.sort(java.util.Comparator.comparingInt((Queues.Queue q) -> ORDER.indexOf(q.stage()))
                .thenComparing(Queues.Queue::queue));
        Map<String, long[]> byStage = new LinkedHashMap<>();
        long depth = 0;
        long parked = 0;
        for (Queues.Queue q : queues) {
            long[] t = byStage.computeIfAbsent(q.stage(), s -> new long[2]);
            t[0] += q.depth();
            t[1] += q.parked();
            depth += q.depth();
            parked += q.parked();
        }
        List<Queues.Stage> stages = new ArrayList<>();
        byStage.forEach((stage, t) -> stages.add(new Queues.Stage(stage, t[0], t[1])));
        return new Queues(depth, parked, stages, queues);
    }
}
