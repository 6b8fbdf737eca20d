package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the driver launches a target: from its packed Spring Boot jar, or — for an AOT cache, which holds only the
 * classes of the JVM's own class loaders, not those Spring Boot's nested-jar loader reads — from the jar extracted as
 * production runs it ({@code java -Djarmode=tools -jar X.jar extract}: the application jar beside {@code lib/}, its
 * manifest's class path naming them).
 *
 * @param command   what follows the JVM options: {@code -jar hub.jar}, or the relay's main class on a class path
 * @param extracted whether from an extracted jar
 */
record Launch(List<String> command, boolean extracted) {

    static final String RELAY_MAIN = "org.disputehub.bench.relay.BareRelayApplication";

    /** The hub from {@code jar} (packed or extracted: both start with {@code -jar}). */
    static Launch hub(Path jar, boolean extracted) {
        return new Launch(List.of("-jar", jar.toString()), extracted);
    }

    /** The bare relay from the benchmark's jar: packed (PropertiesLauncher, {@code -Dloader.main}) or extracted. */
    static Launch relay(Path benchJar, boolean extracted) {
        return new Launch(extracted ? List.of("-cp", benchJar.toString(), RELAY_MAIN)
                : List.of("-Dloader.main=" + RELAY_MAIN, "-jar", benchJar.toString()), extracted);
    }

    /**
     * Extracts {@code jar} into {@code destination} (emptied first) with Spring Boot's jar tools, run on
     * {@code java} (null: the driver's runtime); the extracted application jar.
     */
    static Path extract(Path java, Path jar, Path destination) throws IOException, InterruptedException {
        Session.deleteTree(destination);
        Files.createDirectories(destination);
        Path log = destination.resolveSibling(destination.getFileName() + "-extract.log");
        List<String> args = new ArrayList<>(List.of("-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", destination.toAbsolutePath().toString()));
        try (Jvm tools = Jvm.start("jar tools", java, List.of("-Djarmode=tools"), args, Map.of(), log)) {
            int exit = tools.await(Duration.ofMinutes(2));
            Path extracted = destination.resolve(jar.getFileName());
            if (exit != 0 || !Files.isRegularFile(extracted)) {
                throw new IOException("extracting " + jar + " failed (exit " + exit + "); see " + log);
            }
            System.out.println("  extracted " + jar + " to " + destination);
            return extracted;
        }
    }
}
