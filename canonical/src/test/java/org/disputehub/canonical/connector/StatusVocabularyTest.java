package org.disputehub.canonical.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.disputehub.canonical.model.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusVocabularyTest {

    private static final Set<String> CODES = Set.of("SIGN", "DONE");

    @TempDir
    Path mappings;

    @Test
    void readsCodesNotesAndOnceFromTheMappingsFolder() throws IOException {
        write("status.SIGNED=SIGN\nnote.SIGNED=签收\nstatus.CLOSED=DONE\nnote.CLOSED=办结\nonce=DONE\n");
        StatusVocabulary vocabulary = new VocabularyReloader(mappings).load("TEST", "test", CODES);
        assertThat(vocabulary.code(CaseStatus.SIGNED)).contains("SIGN");
        assertThat(vocabulary.code(CaseStatus.RECEIVED)).as("no line: not sent").isEmpty();
        assertThat(vocabulary.defaultNote(CaseStatus.CLOSED)).isEqualTo("办结");
        assertThat(vocabulary.once("DONE")).isTrue();
        assertThat(vocabulary.once("SIGN")).isFalse();
    }

    @Test
    void aBadLineNamesTheFileAndTheLine() throws IOException {
        write("status.SIGNED=SIGNED\nnote.SIGNED=x\n");
        assertThatThrownBy(() -> new VocabularyReloader(mappings).load("TEST", "test", CODES))
                .hasMessageContaining("status-vocabulary.properties").hasMessageContaining("status.SIGNED=SIGNED");
        write("status.SIGNED=SIGN\n");
        assertThatThrownBy(() -> new VocabularyReloader(mappings).load("TEST", "test", CODES)).hasMessageContaining("note.SIGNED missing");
        write("status.SIGND=SIGN\nnote.SIGNED=x\n");
        assertThatThrownBy(() -> new VocabularyReloader(mappings).load("TEST", "test", CODES)).hasMessageContaining("'status.SIGND'");
        write("once=LATER\n");
        assertThatThrownBy(() -> new VocabularyReloader(mappings).load("TEST", "test", CODES)).hasMessageContaining("once=LATER");
    }

    @Test
    void withoutAMappingsFolderTheErrorSaysWhatToSet() {
        assertThatThrownBy(() -> new VocabularyReloader(null).load("TEST", "test", CODES))
                .hasMessageContaining("hub.mappings-dir").hasMessageContaining("status/test/status-vocabulary.properties");
        assertThatThrownBy(() -> new VocabularyReloader(mappings).load("TEST", "test", CODES))
                .hasMessageContaining("missing");
    }

    @Test
    void theReloadPutsTheNewFileInForce() throws IOException {
        write("status.SIGNED=SIGN\nnote.SIGNED=x\n");
        VocabularyReloader reloader = new VocabularyReloader(mappings);
        StatusVocabulary vocabulary = reloader.load("TEST", "test", CODES);
        write("status.SIGNED=DONE\nnote.SIGNED=x\n");
        assertThat(vocabulary.code(CaseStatus.SIGNED)).as("not before the reload").contains("SIGN");
        reloader.prepareAll().forEach(Runnable::run);
        assertThat(vocabulary.code(CaseStatus.SIGNED)).contains("DONE");
    }

    @Test
    void aReloadIsAllOrNothing() {
        VocabularyReloader reloader = new VocabularyReloader(mappings);
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

    private void write(String text) throws IOException {
        Path file = StatusVocabulary.file(mappings, "test");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
