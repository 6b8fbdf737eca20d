package org.disputehub.hub.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The push endpoints the connectors serve under {@code /api/inbound/}, each with the connector it belongs to. */
@Component
public class InboundPaths {

    private final Map<String, String> connectorByPath = new LinkedHashMap<>();

    public InboundPaths(Environment env) {
        connectorByPath.put(env.getProperty("hub.connectors.petition.inbound-path", "/api/inbound/petition"), "petition");
        connectorByPath.put("/api/inbound/odr", "odr");
        connectorByPath.put("/api/inbound/zhengding/callback", "zhengding");
    }

    /** Path → connector. */
    public Map<String, String> all() {
        return Map.copyOf(connectorByPath);
    }

    public Optional<String> connectorOf(String path) {
        return Optional.ofNullable(connectorByPath.get(path));
    }
}
