package org.disputehub.hub.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.disputehub.hub.cluster.Leadership;
import org.disputehub.hub.cluster.SingletonRoutes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code connectors}, one component per enabled connector: its routes and their status, the last
 * success and the last error. PAUSED while an operator has paused it ({@link ConnectorPause}); OUT_OF_SERVICE when one of its routes is not started (stopped or suspended, e.g. from
 * Hawtio); DOWN when it has been failing without a success for longer than {@code hub.health.connector-failing-after}
 * (default 5 min); UP otherwise. A singleton route (hub.cluster) stopped on an instance that does not lead is
 * {@value #STANDBY}, not a stopped route.
 */
@Component("connectors")
public class ConnectorsHealth implements CompositeHealthContributor {

    /** The status of a paused connector (ordered between OUT_OF_SERVICE and UP, answered 200). */
    public static final Status PAUSED = new Status("PAUSED", "paused by an operator");

    static final String STANDBY = "Standby (runs on the leader)";

    private final CamelContext camel;
    private final RouteActivity activity;
    private final OpsMonitor monitor;
    private final Clock clock;
    private final Duration failingAfter;
    private final ConnectorPause pause;
    private final SingletonRoutes singletons;
    private final Leadership leadership;

    public ConnectorsHealth(CamelContext camel, RouteActivity activity, OpsMonitor monitor, Clock clock,
                            @Value("${hub.health.connector-failing-after:PT5M}") Duration failingAfter,
                            ConnectorPause pause, SingletonRoutes singletons, Leadership leadership) {
        if (failingAfter.isNegative() || failingAfter.isZero()) {
            throw new IllegalArgumentException("hub.health.connector-failing-after must be positive, was " + failingAfter);
        }
        this.camel = camel;
        this.activity = activity;
        this.monitor = monitor;
        this.clock = clock;
        this.failingAfter = failingAfter;
        this.pause = pause;
        this.singletons = singletons;
        this.leadership = leadership;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return monitor.activeConnectors().contains(name) ? (HealthIndicator) () -> health(name) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return monitor.activeConnectors().stream()
                .map(c -> NamedContributor.<HealthContributor>of(c, (HealthIndicator) () -> health(c))).iterator();
    }

    Health health(String connector) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (Route r : camel.getRoutes()) {
            if (connector.equals(RouteRole.connectorOf(r.getRouteId()))) {
                ServiceStatus status = camel.getRouteController().getRouteStatus(r.getRouteId());
                // a singleton route stopped on a standby instance is as it should be: the leader runs it
                boolean standby = singletons.isSingleton(r.getRouteId()) && !leadership.isLeader()
                        && status == ServiceStatus.Stopped;
                routes.put(r.getRouteId(), standby ? STANDBY : status == null ? "Unknown" : status.name());
            }
        }
        ConnectorState s = activity.state(connector);
        Instant now = clock.instant();
        Health.Builder h;
        if (pause.isPaused(connector)) {
            h = Health.status(PAUSED).withDetail("reason", "paused by an operator; POST /api/v1/admin/connectors/"
                    + connector + "/resume resumes it");
        } else if (routes.values().stream().anyMatch(st -> !ServiceStatus.Started.name().equals(st) && !STANDBY.equals(st))) {
            h = Health.outOfService().withDetail("reason", "a route is not started");
        } else if (s.failingSince() != null && Duration.between(s.failingSince(), now).compareTo(failingAfter) > 0) {
            h = Health.down().withDetail("reason", "failing since " + s.failingSince() + " (longer than " + failingAfter + ")");
        } else {
            h = Health.up();
        }
        h.withDetail("routes", routes);
        h.withDetail("lastSuccessAt", s.lastSuccessAt() == null ? "none" : s.lastSuccessAt().toString());
        if (s.lastFailureAt() != null) {
            h.withDetail("lastErrorAt", s.lastFailureAt().toString()).withDetail("lastError", s.lastError());
        }
        if (s.failingSince() != null) {
            h.withDetail("failingSince", s.failingSince().toString());
        }
        return h.withDetail("successes", s.successes()).withDetail("failures", s.failures()).build();
    }
}
