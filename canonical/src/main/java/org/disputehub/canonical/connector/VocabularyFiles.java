package org.disputehub.canonical.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a connector's status vocabulary is read from: {@code {hub.mappings-dir}/status/{location}} when the hub
 * runs with a mappings folder and the file is there (the deployed tables, reloadable), otherwise the default
 * the connector module ships on its classpath under the same location.
 */
public final class VocabularyFiles {

    private static volatile Path statusDir;

    private VocabularyFiles() {
    }

    /** Set once the application knows its mappings folder ({@code hub.mappings-dir}). */
    static void useMappingsDir(Path mappingsDir) {
        statusDir = mappingsDir == null ? null : mappingsDir.resolve("status");
    }

    /** The vocabulary's bytes; null when it exists neither in the mappings folder nor on the classpath. */
    public static InputStream open(Class<?> owner, String location) {
        Path dir = statusDir;
        if (dir != null && Files.isRegularFile(dir.resolve(location))) {
            try {
                return Files.newInputStream(dir.resolve(location));
            } catch (IOException e) {
                throw new UncheckedIOException(dir.resolve(location) + ": unreadable", e);
            }
        }
        return owner.getClassLoader().getResourceAsStream(location);
    }

    /** The name to use in error messages: the file in the mappings folder, or the classpath location. */
    public static String describe(String location) {
        Path dir = statusDir;
        return dir != null && Files.isRegularFile(dir.resolve(location)) ? dir.resolve(location).toString()
                : "classpath:" + location;
    }
}
