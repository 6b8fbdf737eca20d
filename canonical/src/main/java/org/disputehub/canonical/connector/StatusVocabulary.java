package org.disputehub.canonical.connector;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.model.CaseStatus;

/**
 * An origin system's status vocabulary, kept as data in {@code mappings/status/{connector}/status-vocabulary.properties}
 * (UTF-8): {@code status.SIGNED=SIGN} (the origin's code for a canonical status), {@code note.SIGNED=…} (the text
 * sent when the event carries no note) and optionally {@code once=CODE,…} (codes sent at most once per case).
 * A canonical status without a {@code status.} line is not sent. Every connector reads its own file through
 * {@link VocabularyReloader#load}; a bad line fails start-up (and a reload) naming the file and the line.
 */
public final class StatusVocabulary {

    public static final String FILE = "status-vocabulary.properties";

    private volatile Map<CaseStatus, String> codes;
    private volatile Map<CaseStatus, String> notes;
    private volatile Set<String> once;

    private StatusVocabulary(Map<CaseStatus, String> codes, Map<CaseStatus, String> notes, Set<String> once) {
        this.codes = Map.copyOf(codes);
        this.notes = Map.copyOf(notes);
        this.once = Set.copyOf(once);
    }

    /** {@code {mappingsDir}/status/{connector}/status-vocabulary.properties}. */
    public static Path file(Path mappingsDir, String connector) {
        return mappingsDir.resolve("status").resolve(connector).resolve(FILE);
    }

    /** Loads and checks a vocabulary whose codes must be among {@code allowed}. */
    public static StatusVocabulary load(Path file, Set<String> allowed) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable (" + e.getClass().getSimpleName() + ")", e);
        }
        Map<CaseStatus, String> codes = new EnumMap<>(CaseStatus.class);
        Map<CaseStatus, String> notes = new EnumMap<>(CaseStatus.class);
        Set<String> once = Arrays.stream(p.getProperty("once", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String key : p.stringPropertyNames()) {
            if (key.equals("once")) {
                continue;
            }
            String value = p.getProperty(key).strip();
            String[] parts = key.split("\\.", 2);
            CaseStatus status = parts.length == 2 ? caseStatus(parts[1]) : null;
            if (status == null || !(parts[0].equals("status") || parts[0].equals("note"))) {
                throw new IllegalStateException(file + ": '" + key + "' is not status.{CANONICAL}, note.{CANONICAL} or once");
            }
            if (parts[0].equals("status") && !allowed.contains(value)) {
                throw new IllegalStateException(file + ": " + key + "=" + value + " is not one of " + allowed);
            }
            (parts[0].equals("status") ? codes : notes).put(status, value);
        }
        for (String code : once) {
            if (!allowed.contains(code)) {
                throw new IllegalStateException(file + ": once=" + code + " is not one of " + allowed);
            }
        }
        for (CaseStatus status : codes.keySet()) {
            if (notes.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(file + ": note." + status + " missing");
            }
        }
        return new StatusVocabulary(codes, notes, once);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload). */
    public void replaceWith(StatusVocabulary fresh) {
        this.codes = fresh.codes;
        this.notes = fresh.notes;
        this.once = fresh.once;
    }

    /** The origin's code for a canonical status, or empty when the status is not sent. */
    public Optional<String> code(CaseStatus status) {
        return Optional.ofNullable(codes.get(status));
    }

    /** The text to send when the event has no note. */
    public String defaultNote(CaseStatus status) {
        return notes.getOrDefault(status, "");
    }

    /** True for a code sent at most once per case. */
    public boolean once(String code) {
        return once.contains(code);
    }

    private static CaseStatus caseStatus(String name) {
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
