package org.disputehub.hub.cluster;

import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes that must run once in the whole deployment ({@code hub.cluster.singleton-routes}). Their route policy
 * keeps them from starting with Camel on every instance; the leader starts them on grant and stops them on revoke.
 * The routes themselves (and the connector modules defining them) know nothing of it.
 */
public class SingletonRoutes implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger("hub.cluster");

    private final Set<String> ids;
    private volatile CamelContext camel;

    public SingletonRoutes(List<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    /** The Camel context whose routes are started and stopped (set before Camel starts). */
    void bind(CamelContext context) {
        this.camel = context;
    }

    /** True for a singleton route id (whether or not the route exists on this instance). */
    public boolean isSingleton(String routeId) {
        return ids.contains(routeId);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (!ids.contains(routeId)) {
            return null;
        }
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route r) {
                r.setAutoStartup(false);
            }
        };
    }

    /** Starts the singleton routes that exist here (on grant). */
    void startAll() {
        for (String id : present()) {
            try {
                camel.getRouteController().startRoute(id);
                LOG.info("leader: route {} started", id);
            } catch (Exception e) {
                LOG.warn("leader: route {} did not start: {}", id, e.toString());
            }
        }
    }

    /** Stops the singleton routes that run here (on revoke), waiting for the exchange in flight. */
    void stopAll() {
        for (String id : present()) {
            try {
                if (camel.getRouteController().getRouteStatus(id) != ServiceStatus.Stopped) {
                    camel.getRouteController().stopRoute(id);
                    LOG.info("leadership lost: route {} stopped", id);
                }
            } catch (Exception e) {
                LOG.warn("leadership lost: route {} did not stop cleanly: {}", id, e.toString());
            }
        }
    }

    /** Each singleton route present here and its status. */
    java.util.Map<String, String> statuses() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String id : present()) {
            ServiceStatus st = camel.getRouteController().getRouteStatus(id);
            out.put(id, st == null ? "Unknown" : st.name());
        }
        return out;
    }

    private List<String> present() {
        CamelContext c = camel;
        if (c == null || !c.getStatus().isStarted()) {
            return List.of();
        }
        return c.getRoutes().stream().map(Route::getRouteId).filter(ids::contains).sorted().toList();
    }
}
