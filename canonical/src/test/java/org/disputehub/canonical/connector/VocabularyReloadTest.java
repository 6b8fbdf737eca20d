package org.disputehub.canonical.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyReloadTest {

    @TempDir
    Path mappings;

    @AfterEach
    void reset() {
        VocabularyFiles.useMappingsDir(null);
    }

    @Test
    void theMappingsFolderOverridesTheModuleDefault() throws IOException {
        assertThat(read("schema/case-v1.json")).contains("Canonical case");
        Files.createDirectories(mappings.resolve("status/schema"));
        Files.writeString(mappings.resolve("status/schema/case-v1.json"), "deployed");
        VocabularyFiles.useMappingsDir(mappings);
        assertThat(read("schema/case-v1.json")).isEqualTo("deployed");
        assertThat(VocabularyFiles.describe("schema/case-v1.json")).endsWith("status/schema/case-v1.json");
        assertThat(read("hub-contract.properties")).as("no file in the folder: the default").contains("hub.queues");
    }

    @Test
    void aReloadIsAllOrNothing() {
        VocabularyReloader reloader = new VocabularyReloader();
        List<String> inForce = new ArrayList<>();
        reloader.register("A", () -> () -> inForce.add("A2"));
        reloader.register("B", () -> {
            throw new IllegalStateException("b.properties: 'status.X' is not a canonical status");
        });
        assertThatThrownBy(reloader::prepareAll).hasMessageContaining("b.properties");
        assertThat(inForce).as("nothing swapped when one vocabulary is bad").isEmpty();

        reloader.register("B", () -> () -> inForce.add("B2"));
        reloader.prepareAll().forEach(Runnable::run);
        assertThat(inForce).containsExactlyInAnyOrder("A2", "B2");
    }

    private static String read(String location) throws IOException {
        try (InputStream in = VocabularyFiles.open(VocabularyReloadTest.class, location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
