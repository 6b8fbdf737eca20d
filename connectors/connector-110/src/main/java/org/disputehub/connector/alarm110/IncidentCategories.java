package org.disputehub.connector.alarm110;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The 110 incident category names (JQLBDM → name), kept as data in
 * {@code alarm110/incident-categories.properties} (UTF-8, lines {@code 0501=噪声扰民}).
 */
public final class IncidentCategories {

    public static final String DEFAULT_LOCATION = "alarm110/incident-categories.properties";

    private final Map<String, String> names;

    IncidentCategories(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** Loads and checks the table; a bad line fails start-up naming it. */
    public static IncidentCategories load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = IncidentCategories.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new HashMap<>();
        for (String code : p.stringPropertyNames()) {
            String name = p.getProperty(code).strip();
            if (!code.matches("\\d{4}") || name.isEmpty()) {
                throw new IllegalStateException(classpathLocation + ": '" + code + "=" + name
                        + "' is not a 4-digit code with a name");
            }
            names.put(code, name);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(classpathLocation + " lists no category");
        }
        return new IncidentCategories(names);
    }

    /** The name of a category code, or null for a code the table does not know. */
    public String name(String code) {
        return names.get(code);
    }

    public int size() {
        return names.size();
    }
}
