package org.disputehub.canonical.connector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads every connector's status vocabulary from {@code {hub.mappings-dir}/status/} (the one copy there is) and
 * lets the hub reload them together with its other tables, all or nothing: {@link #prepareAll()} loads and checks
 * every vocabulary first (an error names the file and line and changes nothing); only then are the new ones
 * swapped in.
 */
public class VocabularyReloader {

    private final Path mappingsDir;
    private final Map<String, Supplier<Runnable>> loaders = new ConcurrentHashMap<>();
    private final Map<String, StatusVocabulary> loaded = new ConcurrentHashMap<>();

    /** {@code mappingsDir}: {@code hub.mappings-dir}, or null when it is not set. */
    public VocabularyReloader(Path mappingsDir) {
        this.mappingsDir = mappingsDir;
    }

    /**
     * Loads the vocabulary of {@code connector} ({@code status/{connector}/status-vocabulary.properties}, codes among
     * {@code allowed}) and registers it for reloading under {@code system}.
     */
    public StatusVocabulary load(String system, String connector, Set<String> allowed) {
        if (mappingsDir == null) {
            throw new IllegalStateException("hub.mappings-dir is not set: the " + system + " status vocabulary is read "
                    + "from {hub.mappings-dir}/status/" + connector + "/" + StatusVocabulary.FILE);
        }
        Path file = StatusVocabulary.file(mappingsDir, connector);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " missing: the " + system + " status vocabulary (hub.mappings-dir="
                    + mappingsDir + ")");
        }
        StatusVocabulary vocabulary = StatusVocabulary.load(file, allowed);
        register(system, () -> {
            StatusVocabulary fresh = StatusVocabulary.load(file, allowed);
            return () -> vocabulary.replaceWith(fresh);
        });
        loaded.put(system, vocabulary);
        return vocabulary;
    }

    /** The vocabulary in force for a system, or null when no connector loaded one. */
    public StatusVocabulary vocabulary(String system) {
        return loaded.get(system);
    }

    /** {@code prepare} loads and checks a fresh vocabulary and returns the action that puts it in force. */
    public void register(String system, Supplier<Runnable> prepare) {
        loaders.put(system, prepare);
    }

    /** Loads every vocabulary (throwing on the first bad one) and returns the swaps to run if all were good. */
    public List<Runnable> prepareAll() {
        List<Runnable> swaps = new ArrayList<>();
        for (Supplier<Runnable> prepare : loaders.values()) {
            swaps.add(prepare.get());
        }
        return swaps;
    }

    public int size() {
        return loaders.size();
    }
}
