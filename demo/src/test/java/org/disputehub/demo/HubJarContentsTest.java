package org.disputehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production jar ({@code hub/target/hub.jar}, built before this module) carries the hub and nothing of the demo:
 * no simulator, no WireMock, no fixtures, no test library. They live here, in {@code demo.jar}.
 */
class HubJarContentsTest {

    /** Libraries and classes that belong to tests or to the demo, never to production. */
    private static final Pattern BANNED = Pattern.compile(
            "BOOT-INF/lib/(wiremock|test-fixtures|demo-|junit|assertj|awaitility|mockito|selenium|spring-boot-test|spring-test)[^/]*"
                    + "|BOOT-INF/classes/org/disputehub/(fixtures|demo|hub/demo)/.+");

    @Test
    void hubJarHasNoSimulatorWireMockOrTestHelper() throws IOException {
        Path jar = Path.of(System.getProperty("demo.hub-jar", "../hub/target/hub.jar"));
        assertThat(jar).as("build the hub first: ./mvnw -pl hub -am package").isRegularFile();
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }

        assertThat(entries).as("the hub itself is in the jar")
                .contains("BOOT-INF/classes/org/disputehub/hub/HubApplication.class")
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/camel-core-engine"));
        assertThat(entries).as("entries of " + jar + " that belong to tests or the demo")
                .filteredOn(e -> BANNED.matcher(e).matches()).isEmpty();
    }
}
