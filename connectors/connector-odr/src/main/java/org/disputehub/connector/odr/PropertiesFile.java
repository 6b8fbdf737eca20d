package org.disputehub.connector.odr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.disputehub.canonical.model.CaseStatus;

/** Loads one of the connector's data files (UTF-8 properties) from the classpath. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    static Properties load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = PropertiesFile.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static CaseStatus status(String location, String key, String name) {
        try {
            return CaseStatus.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(location + ": '" + key + "': " + name + " is not a canonical status");
        }
    }
}
