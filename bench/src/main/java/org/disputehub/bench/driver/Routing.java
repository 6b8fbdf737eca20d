package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generated inputs the hub will hand to an {@code http} department (the driver's), read from the hub's own
 * {@code mappings/} and {@code routes/departments-http.yaml}: the driver only sends those, so every accepted case
 * must arrive at the driver and a missing one is a backlog or a loss, never a routing choice.
 */
final class Routing {

    private final Path home;
    private final Map<String, String> routes = new HashMap<>();
    private final Set<String> httpDepartments = new HashSet<>();

    Routing(Path home) throws IOException {
        this.home = home;
        for (String line : Files.readAllLines(home.resolve("mappings/routing.csv"))) {
            String[] f = line.split(",");
            if (!line.startsWith("#") && f.length == 3 && !f[0].equals("taxonomy_code")) {
                routes.put(f[0] + "|" + f[1], f[2].trim());
            }
        }
        Matcher m = Pattern.compile("value: \"(\\d{6}-[A-Z]+-\\d+)\"")
                .matcher(Files.readString(home.resolve("routes/departments-http.yaml")));
        while (m.find()) {
            httpDepartments.add(m.group(1));
        }
    }

    /** True when a message of {@code system} with its own category code and region goes to an http department. */
    boolean toHttp(String system, String sourceCode, String region) throws IOException {
        String taxonomy = "UNCLASSIFIED";
        for (String line : Files.readAllLines(home.resolve("mappings/categories/" + system + ".csv"))) {
            String[] f = line.split(",");
            if (f.length >= 3 && f[0].equals(sourceCode)) {
                taxonomy = f[2].trim();
            }
        }
        String dept = first(taxonomy + "|" + region, taxonomy + "|*", "*|" + region, "*|*");
        return httpDepartments.contains(dept);
    }

    private String first(String... keys) {
        for (String k : keys) {
            if (routes.containsKey(k)) {
                return routes.get(k);
            }
        }
        return null;
    }
}
