package org.disputehub.hub.ops;

import java.util.List;

/**
 * What a route is to an operator: its stage ({@code inbound}, {@code intake}, {@code dispatch}, {@code status},
 * {@code relay}, {@code notify}, {@code audit}, {@code sla}, {@code other}) and the connector it belongs to
 * ({@code hub} for the hub's own stages). Derived from the route id conventions: {@code {connector}-{flow}},
 * {@code hub-{stage}}, {@code dispatch-{dept}}.
 */
public record RouteRole(String stage, String connector) {

    /** The connectors, named as in {@code hub.connectors.*} and as the prefix of their route ids. */
    public static final List<String> CONNECTORS = List.of("hotline12345", "alarm110", "petition", "odr", "labor",
            "zhengding");
    public static final String HUB = "hub";

    public static RouteRole of(String routeId) {
        for (String c : CONNECTORS) {
            if (routeId.startsWith(c + "-")) {
                String flow = routeId.substring(c.length() + 1);
                return new RouteRole("relay".equals(flow) ? "relay" : "notify".equals(flow) ? "notify" : "inbound", c);
            }
        }
        if (routeId.startsWith("dispatch-")) {
            return new RouteRole("dispatch", HUB);
        }
        return new RouteRole(switch (routeId) {
            case "hub-intake" -> "intake";
            case "hub-status", "hub-status-in" -> "status";
            case "hub-audit" -> "audit";
            case "hub-sla-check" -> "sla";
            default -> "other";
        }, HUB);
    }

    /** The connector of a route id, or null for the hub's own routes. */
    public static String connectorOf(String routeId) {
        String c = of(routeId).connector();
        return HUB.equals(c) ? null : c;
    }

    /** The outcome counted when a message passed the stage: received, dispatched, relayed, … */
    public String okOutcome() {
        return switch (stage) {
            case "inbound" -> "received";
            case "intake" -> "accepted";
            case "dispatch" -> "dispatched";
            case "status" -> "applied";
            case "relay" -> "relayed";
            case "notify" -> "sent";
            case "audit" -> "stored";
            default -> "completed";
        };
    }
}
