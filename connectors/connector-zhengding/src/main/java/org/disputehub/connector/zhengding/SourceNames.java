package org.disputehub.connector.zhengding;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Canonical system name → how a work notification shows it, kept as data in {@code zhengding/source-names.properties}. */
public final class SourceNames {

    public static final String DEFAULT_LOCATION = "zhengding/source-names.properties";

    private final Map<String, String> names;

    SourceNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static SourceNames load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = SourceNames.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new HashMap<>();
        p.stringPropertyNames().forEach(k -> names.put(k, p.getProperty(k).strip()));
        return new SourceNames(names);
    }

    /** The display name of a system; the system's own name when the table has none. */
    public String of(String system) {
        return system == null ? "—" : names.getOrDefault(system, system);
    }
}
