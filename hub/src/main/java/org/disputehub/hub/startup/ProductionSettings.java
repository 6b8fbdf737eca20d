package org.disputehub.hub.startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disputehub.hub.config.HubProperties;
import org.springframework.boot.context.properties.bind.Bindable;

/**
 * Every setting the {@code prod} profile needs, checked all at once from the environment before anything is
 * created: present, not a {@code ${…}} placeholder, of the right form, and secrets at least {@link #MIN_SECRET_LENGTH}
 * characters. A connector's settings are needed only while it is enabled. Department settings are the
 * {@code {{hub.departments.…}}} placeholders of the route files: in prod their defaults (demo values) do not count.
 */
final class ProductionSettings {

    static final int MIN_SECRET_LENGTH = 16;

    enum Kind { VALUE, URL, SECRET, SECRETS, JDBC_URL, BROKER_URL }

    record Setting(String property, Kind kind) {
    }

    /** Needed whatever is enabled. */
    static final List<Setting> ALWAYS = List.of(
            new Setting("spring.datasource.url", Kind.JDBC_URL),
            new Setting("spring.datasource.username", Kind.VALUE),
            new Setting("spring.artemis.broker-url", Kind.BROKER_URL),
            new Setting("hub.duty-leader-user-ids", Kind.VALUE));

    /** Needed while {@code hub.linking.enabled}. */
    static final Setting LINKING_KEY = new Setting("hub.linking.key-secret", Kind.SECRET);

    /** Per connector ({@code hub.connectors.{name}.*}), needed while it is enabled. */
    static final Map<String, List<Setting>> CONNECTORS = connectors();

    private static Map<String, List<Setting>> connectors() {
        Map<String, List<Setting>> m = new LinkedHashMap<>();
        m.put("hotline12345", List.of(url("hotline12345"), value("hotline12345", "app-key"),
                secret("hotline12345", "app-secret")));
        m.put("alarm110", List.of(url("alarm110"), value("alarm110", "queue"), secret("alarm110", "api-key")));
        m.put("petition", List.of(url("petition"), secret("petition", "shared-secret")));
        m.put("odr", List.of(url("odr"), value("odr", "client-id"), secret("odr", "client-secret"),
                new Setting("hub.connectors.odr.webhook-secrets", Kind.SECRETS)));
        m.put("labor", List.of(url("labor"), secret("labor", "api-key"), value("labor", "inbox")));
        m.put("zhengding", List.of(url("zhengding"), value("zhengding", "app-key"), secret("zhengding", "app-secret"),
                secret("zhengding", "callback-token"), value("zhengding", "callback-aes-key")));
        return m;
    }

    private static final Set<String> DEMO_PASSWORDS = Set.of("{noop}admin", "{noop}viewer");
    private static final Set<String> SECRET_SUFFIXES = Set.of(".token", ".api-key", ".secret");

    private ProductionSettings() {
    }

    /** Every problem, one line each: the variable to set, the property, what is wrong. */
    static List<String> problems(Settings settings, RouteFiles routes) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Setting> required = new ArrayList<>(ALWAYS);
        if (settings.flag("hub.linking.enabled", true)) {
            required.add(LINKING_KEY);
        }
        List<String> disabled = new ArrayList<>();
        CONNECTORS.forEach((name, list) -> {
            if (settings.flag("hub.connectors." + name + ".enabled", false)) {
                required.addAll(list);
            } else {
                disabled.add("hub.connectors." + name + ".");
            }
        });
        for (Setting s : required) {
            String problem = s.kind() == Kind.SECRETS ? checkAll(settings.values(s.property()))
                    : check(s.kind(), settings.value(s.property()));
            if (problem != null) {
                problems.putIfAbsent(s.property(), line(settings.variable(s.property()), s.property(), problem));
            }
        }
        String users = users(settings);
        if (users != null) {
            problems.put("hub.security.users", "HUB_SECURITY_USERS_0_NAME, _PASSWORD, _ROLES_0 (hub.security.users): "
                    + users);
        }
        for (RouteFiles.Placeholder p : routes.placeholders()) {
            if (!p.key().startsWith("hub.departments.") || problems.containsKey(p.key())) {
                continue;
            }
            Kind kind = SECRET_SUFFIXES.stream().anyMatch(p.key()::endsWith) ? Kind.SECRET
                    : p.key().endsWith(".base-url") ? Kind.URL : Kind.VALUE;
            String problem = check(kind, settings.value(p.key()));
            if (problem != null) {
                problems.put(p.key(), line(p.variable(), p.key(), problem + " (used at " + p.where()
                        + (p.defaultValue() != null ? "; its default there is a demo value, not used in prod" : "")
                        + ")"));
            }
        }
        settings.names("hub.", "spring.", "camel.").forEach(name -> {
            String value = settings.value(name);
            if (Settings.unresolved(value) && !problems.containsKey(name.replaceAll("\\[\\d+]$", ""))
                    && disabled.stream().noneMatch(name::startsWith)) {
                problems.putIfAbsent(name, line(settings.variable(name), name, check(Kind.VALUE, value)));
            }
        });
        return new ArrayList<>(problems.values());
    }

    static String check(Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return "not set";
        }
        if (Settings.unresolved(value)) {
            return "not set (the value is still the placeholder " + value + ")";
        }
        return switch (kind) {
            case SECRET, SECRETS -> value.length() < MIN_SECRET_LENGTH
                    ? "too short: a secret needs at least " + MIN_SECRET_LENGTH + " characters" : null;
            case URL -> value.matches("https?://[^\\s?#]+") ? null : "must be an http(s) URL, is " + value;
            case JDBC_URL -> value.startsWith("jdbc:") ? null : "must be a JDBC URL (jdbc:postgresql://…), is " + value;
            case BROKER_URL -> value.contains("://") ? null : "must be a broker URL (tcp://host:61616), is " + value;
            case VALUE -> null;
        };
    }

    private static String checkAll(List<String> values) {
        if (values.isEmpty()) {
            return "not set";
        }
        for (String v : values) {
            String problem = check(Kind.SECRETS, v);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String users(Settings settings) {
        List<HubProperties.User> users = settings.bind("hub.security.users", Bindable.listOf(HubProperties.User.class))
                .orElse(List.of());
        if (users.isEmpty()) {
            return "no user configured; the console and the API need at least one";
        }
        for (int i = 0; i < users.size(); i++) {
            HubProperties.User u = users.get(i);
            String name = check(Kind.VALUE, u.name());
            String password = check(Kind.VALUE, u.password());
            if (name != null || password != null) {
                return "user " + i + ": " + (name != null ? "name " + name : "password " + password);
            }
            if (DEMO_PASSWORDS.contains(u.password())) {
                return "user " + i + ": the documented demo password is refused";
            }
        }
        return null;
    }

    private static String line(String variable, String property, String problem) {
        return variable + " (" + property + "): " + problem;
    }

    private static Setting url(String connector) {
        return new Setting("hub.connectors." + connector + ".base-url", Kind.URL);
    }

    private static Setting value(String connector, String key) {
        return new Setting("hub.connectors." + connector + "." + key, Kind.VALUE);
    }

    private static Setting secret(String connector, String key) {
        return new Setting("hub.connectors." + connector + "." + key, Kind.SECRET);
    }
}
