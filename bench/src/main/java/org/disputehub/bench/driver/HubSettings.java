package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's settings for one session, valid for the {@code prod} profile's start-up check: every secret generated
 * afresh (24 random characters, the Zhengding AES key 32 random bytes), the database user, the linking key, a
 * console user with a generated password, and every {@code {{hub.departments.…}}} placeholder of {@code routes/*.yaml}
 * (secrets generated, base URLs on the driver's departments, other values their file default). Secrets go into the
 * environment (the variables {@code application*.yml} names), addresses onto the command line. The driver's
 * simulators and signed inputs use the same secrets.
 */
final class HubSettings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DEPARTMENT = Pattern.compile("\\{\\{(hub\\.departments\\.[^}:]+)(?::([^}]*))?}}");
    private static final List<String> SECRET_SUFFIXES = List.of(".token", ".api-key", ".secret");

    final String zhengdingAppKey = "demo-hub-app";
    final String petitionSecret = secret();
    final String odrWebhookSecret = secret();
    final String odrClientSecret = secret();
    final String zhengdingAppSecret = secret();
    final String zhengdingToken = secret();
    final String zhengdingAesKey = aesKey();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();

    /**
     * The connectors and departments: every system on the driver's simulators.
     *
     * @param departments the driver's department server, which also plays 12345, 110, petition and labor
     * @param odr         the ODR simulator, {@code zhengding} the Zhengding simulator (base URLs)
     */
    HubSettings systems(Path home, String departments, String odr, String zhengding, Path inbox) throws IOException {
        Map<String, String> urls = Map.of("hotline12345", departments, "alarm110", departments,
                "petition", departments, "labor", departments, "odr", odr, "zhengding", zhengding);
        urls.forEach((connector, url) -> args.add("--hub.connectors." + connector + ".base-url=" + url));
        args.add("--hub.connectors.hotline12345.poll-interval=200ms");
        args.add("--hub.connectors.hotline12345.page-size=100");
        args.add("--hub.connectors.labor.inbox=" + inbox);
        args.add("--hub.connectors.labor.poll-interval=250ms");
        env.put("HOTLINE12345_APP_KEY", "demo-hub");
        env.put("HOTLINE12345_APP_SECRET", secret());
        env.put("ALARM110_API_KEY", secret());
        env.put("PETITION_SHARED_SECRET", petitionSecret);
        env.put("ODR_CLIENT_ID", "demo-hub");
        env.put("ODR_CLIENT_SECRET", odrClientSecret);
        env.put("ODR_WEBHOOK_SECRETS", odrWebhookSecret);
        env.put("ODR_WEBHOOK_SECRET", odrWebhookSecret);
        env.put("LABOR_API_KEY", secret());
        env.put("LABOR_INBOX", inbox.toString());
        env.put("ZHENGDING_APP_KEY", zhengdingAppKey);
        env.put("ZHENGDING_APP_SECRET", zhengdingAppSecret);
        env.put("ZHENGDING_CALLBACK_TOKEN", zhengdingToken);
        env.put("ZHENGDING_CALLBACK_AES_KEY", zhengdingAesKey);
        env.put("HUB_DUTY_LEADER_USER_IDS", "duty-leader01");
        env.put("HUB_LINKING_KEY_SECRET", secret());
        departments(home.resolve("routes"), departments);
        return this;
    }

    /** The {@code prod} profile's own settings: the broker, PostgreSQL in {@code schema}, a console user. */
    HubSettings prod(int brokerPort, String jdbcUrl, String dbUser, String schema) {
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("ARTEMIS_URL", "tcp://127.0.0.1:" + brokerPort);
        env.put("HUB_DB_URL", jdbcUrl + "?currentSchema=" + schema);
        env.put("HUB_DB_USER", dbUser);
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        env.put("HUB_SECURITY_USERS_0_NAME", "bench");
        env.put("HUB_SECURITY_USERS_0_PASSWORD", "{noop}" + secret());
        env.put("HUB_SECURITY_USERS_0_ROLES_0", "ADMIN");
        return this;
    }

    /** The embedded default's own settings: the in-process broker's port. */
    HubSettings embedded(int brokerPort) {
        args.add("--hub.broker.tcp-port=" + brokerPort);
        return this;
    }

    Map<String, String> env() {
        return env;
    }

    List<String> args() {
        return args;
    }

    private void departments(Path routes, String departments) throws IOException {
        try (var files = Files.list(routes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Matcher m = DEPARTMENT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    String fallback = m.group(2) == null ? "" : m.group(2);
                    if (SECRET_SUFFIXES.stream().anyMatch(key::endsWith)) {
                        env.putIfAbsent(variable(key), secret());
                    } else if (key.endsWith(".base-url")) {
                        args.add("--" + key + "=" + departments + java.net.URI.create(fallback).getPath());
                    } else {
                        env.putIfAbsent(variable(key), fallback);
                    }
                }
            }
        }
    }

    /** Spring's environment-variable name of a property. */
    static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    static String secret() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** 32 random bytes as Base64 without its padding (43 characters), as Zhengding issues callback keys. */
    private static String aesKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
