package org.disputehub.hub.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Pausing a connector: every route of it (its source — poller, JMS consumer, batch scan, push endpoint — and its relay
 * and notify sinks) is suspended, so nothing is taken in or sent out and nothing is lost: a poller resumes from its
 * watermark, a JMS source leaves the messages on its queue, the relay queue fills and drains on resume, and the push
 * endpoints answer 503 with {@code Retry-After} ({@link PausedInboundFilter}). Resuming resumes the routes. The state
 * is this instance's: in a cluster, pause the connector on each instance that runs it.
 */
@Service
public class ConnectorPause {

    private static final Logger LOG = LoggerFactory.getLogger("hub.ops");

    /** A connector as an operator sees it: paused or not, and its routes' states. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ConnectorStatus",
            description = "A connector: paused or running, and the state of each of its routes")
    public record State(String connector, boolean paused, Map<String, String> routes) {
    }

    private final CamelContext camel;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public ConnectorPause(CamelContext camel) {
        this.camel = camel;
    }

    /** The connectors with routes in this instance (the enabled ones). */
    public Set<String> connectors() {
        Set<String> out = new TreeSet<>();
        for (Route r : camel.getRoutes()) {
            String c = RouteRole.connectorOf(r.getRouteId());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public boolean isPaused(String connector) {
        return paused.contains(connector);
    }

    /** Pauses the connector (again: no change); empty when no enabled connector has that name. */
    public Optional<State> pause(String connector, String actor) {
        if (!connectors().contains(connector)) {
            return Optional.empty();
        }
        paused.add(connector); // first, so that its push endpoints refuse while its routes are being suspended
        for (String routeId : routes(connector)) {
            try {
                camel.getRouteController().suspendRoute(routeId);
            } catch (Exception e) {
                throw new IllegalStateException("cannot suspend route " + routeId + ": " + e.getMessage(), e);
            }
        }
        LOG.info("connector {} paused by {}: routes {} suspended", connector, actor, routes(connector));
        return Optional.of(state(connector));
    }

    /** Resumes the connector's routes (not paused: no change); empty when no enabled connector has that name. */
    public Optional<State> resume(String connector, String actor) {
        if (!connectors().contains(connector)) {
            return Optional.empty();
        }
        for (String routeId : routes(connector)) {
            try {
                if (camel.getRouteController().getRouteStatus(routeId) != ServiceStatus.Started) {
                    camel.getRouteController().resumeRoute(routeId);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot resume route " + routeId + ": " + e.getMessage(), e);
            }
        }
        paused.remove(connector);
        LOG.info("connector {} resumed by {}", connector, actor);
        return Optional.of(state(connector));
    }

    public State state(String connector) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String routeId : routes(connector)) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            routes.put(routeId, status == null ? "Unknown" : status.name());
        }
        return new State(connector, isPaused(connector), routes);
    }

    public List<State> states() {
        return connectors().stream().map(this::state).toList();
    }

    private List<String> routes(String connector) {
        return camel.getRoutes().stream().map(Route::getRouteId).filter(id -> connector.equals(RouteRole.connectorOf(id)))
                .sorted().toList();
    }
}
