package org.disputehub.canonical.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets the hub reload every connector's status vocabulary together with its other tables, all or nothing:
 * {@link #prepareAll()} loads and checks every vocabulary first (an error names the file and line and changes
 * nothing); only then are the new ones swapped in.
 */
public class VocabularyReloader {

    private final Map<String, Supplier<Runnable>> loaders = new ConcurrentHashMap<>();

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
