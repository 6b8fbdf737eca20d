package org.disputehub.hub.department;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * The departments, read from the route-template instances declared in {@code routes/*.yaml}: the YAML
 * is the single source of truth, so adding a department is a YAML edit and a restart or route reload,
 * never a rebuild. Validated when first read; an invalid declaration names the route and the parameter.
 */
@Component
public class DepartmentRegistry {

    private final CamelContext camel;
    private volatile Map<String, Department> byCode;

    public DepartmentRegistry(CamelContext camel) {
        this.camel = camel;
    }

    public Department get(String code) {
        Department d = departments().get(code);
        if (d == null) {
            throw new IllegalStateException("department " + code + " is not declared in routes/");
        }
        return d;
    }

    public Set<String> codes() {
        return departments().keySet();
    }

    /** The department whose API key this is (compared in constant time). */
    public Optional<Department> byApiKey(String key) {
        byte[] offered = key.getBytes(StandardCharsets.UTF_8);
        Department found = null;
        for (Department d : departments().values()) {
            if (d.apiKey() != null && MessageDigest.isEqual(offered, d.apiKey().getBytes(StandardCharsets.UTF_8))) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    public synchronized void reload() {
        byCode = null;
        departments();
    }

    private Map<String, Department> departments() {
        Map<String, Department> current = byCode;
        if (current == null) {
            synchronized (this) {
                if (byCode == null) {
                    byCode = load();
                }
                current = byCode;
            }
        }
        return current;
    }

    private Map<String, Department> load() {
        Map<String, Department> map = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            Map<String, Object> p = route.getTemplateParameters();
            if (!route.isCreatedFromTemplate() || p == null || !p.containsKey("deptCode")) {
                continue;
            }
            String where = "routes/ department route " + route.getRouteId() + ": ";
            String channel = camel.resolvePropertyPlaceholders(req(p, "channel", where));
            if (model.getRouteTemplateDefinition("dispatch-" + channel) == null) {
                throw new IllegalStateException(where + "unknown channel " + channel + " (no route template dispatch-"
                        + channel + ")");
            }
            // channel-specific parameters are required by the channel's route template itself
            req(p, "deptCode", where);
            req(p, "deptName", where);
            Map<String, String> params = new TreeMap<>();
            p.forEach((k, v) -> params.put(k, camel.resolvePropertyPlaceholders(String.valueOf(v))));
            Department d = new Department(params.get("deptCode"), params.get("deptName"), channel,
                    params.get("baseUrl"), params.get("token"), params.get("apiKey"), route.getRouteId(),
                    Map.copyOf(params));
            if (!d.code().matches("[0-9A-Z][0-9A-Z-]{1,62}")) {
                throw new IllegalStateException(where + "deptCode must be upper-case letters, digits and '-': " + d.code());
            }
            if (d.baseUrl() != null) {
                try {
                    URI uri = URI.create(d.baseUrl());
                    if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                        throw new IllegalArgumentException("not an http(s) URL");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + "baseUrl " + d.baseUrl() + ": " + e.getMessage());
                }
            }
            if (map.put(d.code(), d) != null) {
                throw new IllegalStateException(where + "department " + d.code() + " is declared twice");
            }
            String other = d.apiKey() == null ? null : keys.put(d.apiKey(), d.code());
            if (other != null) {
                throw new IllegalStateException(where + "apiKey is the same as department " + other + "'s");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("no department is declared in routes/ (camel.main.routes-include-pattern)");
        }
        return Map.copyOf(map);
    }

    private static String req(Map<String, Object> p, String name, String where) {
        Object v = p.get(name);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(where + "parameter " + name + " is missing");
        }
        return v.toString();
    }
}
