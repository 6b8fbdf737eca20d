package org.disputehub.hub.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.disputehub.hub.support.Jmx;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's part in the leader election ({@code LockRegistryLeaderInitiator} over the shared database's
 * {@code INT_LOCK}): on grant it starts the singleton routes, on revoke it stops them. Whether it leads, and since
 * when, is the health component {@code leadership}, the JMX MBean {@code org.disputehub:type=Leadership} and the
 * gauge {@code hub.cluster.leader} (1 leading, 0 standby).
 */
public class Leadership implements Candidate, LeadershipMBean {

    static final String ROLE = "hub-singletons";
    static final String OBJECT_NAME = "org.disputehub:type=Leadership";
    private static final Logger LOG = LoggerFactory.getLogger("hub.cluster");

    private final ClusterProperties props;
    private final SingletonRoutes routes;
    private final Clock clock;
    private volatile boolean leader;
    private volatile Instant since;
    private volatile Context context;

    public Leadership(ClusterProperties props, SingletonRoutes routes, Clock clock, MeterRegistry meters) {
        this.props = props;
        this.routes = routes;
        this.clock = clock;
        Gauge.builder("hub.cluster.leader", this, l -> l.leader ? 1 : 0).tag("instance", props.instanceId())
                .description("1 while this hub instance leads (runs the singleton routes), 0 on standby").register(meters);
        Jmx.register(this, LeadershipMBean.class, OBJECT_NAME);
    }

    @Override
    public String getRole() {
        return ROLE;
    }

    @Override
    public String getId() {
        return props.instanceId();
    }

    @Override
    public void onGranted(Context ctx) {
        context = ctx;
        leader = true;
        since = clock.instant();
        LOG.info("leadership granted to {}: starting the singleton routes", props.instanceId());
        routes.startAll();
    }

    @Override
    public void onRevoked(Context ctx) {
        leader = false;
        since = clock.instant();
        LOG.info("leadership revoked from {}: stopping the singleton routes", props.instanceId());
        routes.stopAll();
    }

    /** True while this instance leads; the scheduled singletons (audit chaining, purge) run only then. */
    @Override
    public boolean isLeader() {
        return leader;
    }

    /** The time of the last grant or revoke, null before the first. */
    public Instant since() {
        return since;
    }

    @Override
    public String getInstanceId() {
        return props.instanceId();
    }

    @Override
    public String getSince() {
        Instant s = since;
        return s == null ? "" : s.toString();
    }

    @Override
    public String getSingletonRoutes() {
        return routes.statuses().toString();
    }

    @Override
    public void yieldLeadership() {
        Context ctx = context;
        if (leader && ctx != null) {
            LOG.info("{} yields leadership", props.instanceId());
            ctx.yield();
        }
    }

    void unregister() {
        Jmx.unregister(OBJECT_NAME);
    }
}
