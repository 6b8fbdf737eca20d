package org.disputehub.connector.petition;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.connector.VocabularyFiles;
import org.disputehub.canonical.model.CaseStatus;

/**
 * Canonical status → the platform's {@code ZT}, the default {@code BLYJ} per status and the ZT values sent at
 * most once per case, kept as data in {@code petition/status-vocabulary.properties} (UTF-8): lines
 * {@code status.SIGNED=办理中}, {@code note.SIGNED=…} and {@code once=办结}. A status without a line is not sent.
 */
public class StatusVocabulary {

    public static final String DEFAULT_LOCATION = "petition/status-vocabulary.properties";
    static final Set<String> ZT = Set.of("受理", "交办", "办理中", "办结", "回访", "退回");

    private volatile Map<CaseStatus, String> statuses;
    private volatile Map<CaseStatus, String> notes;
    private volatile Set<String> once;

    StatusVocabulary(Map<CaseStatus, String> statuses, Map<CaseStatus, String> notes, Set<String> once) {
        this.statuses = Map.copyOf(statuses);
        this.notes = Map.copyOf(notes);
        this.once = Set.copyOf(once);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload; see VocabularyReloader). */
    public void replaceWith(StatusVocabulary fresh) {
        this.statuses = fresh.statuses;
        this.notes = fresh.notes;
        this.once = fresh.once;
    }

    /** Loads and checks a vocabulary from the classpath; a bad line fails start-up naming the line. */
    public static StatusVocabulary load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = VocabularyFiles.open(StatusVocabulary.class, classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<CaseStatus, String> statuses = new EnumMap<>(CaseStatus.class);
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
                throw new IllegalStateException(classpathLocation + ": '" + key + "' is not status.{CANONICAL}, note.{CANONICAL} or once");
            }
            if (parts[0].equals("status") && !ZT.contains(value)) {
                throw new IllegalStateException(classpathLocation + ": " + key + "=" + value + " is not one of " + ZT);
            }
            (parts[0].equals("status") ? statuses : notes).put(status, value);
        }
        for (String zt : once) {
            if (!ZT.contains(zt)) {
                throw new IllegalStateException(classpathLocation + ": once=" + zt + " is not one of " + ZT);
            }
        }
        for (CaseStatus status : statuses.keySet()) {
            if (notes.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(classpathLocation + ": note." + status + " missing");
            }
        }
        return new StatusVocabulary(statuses, notes, once);
    }

    /** The ZT for a canonical status, or empty when the status is not sent. */
    public Optional<String> zt(CaseStatus status) {
        return Optional.ofNullable(statuses.get(status));
    }

    /** The BLYJ to send when the event has no note. */
    public String defaultNote(CaseStatus status) {
        return notes.getOrDefault(status, "");
    }

    /** True for a ZT sent at most once per case (办结). */
    public boolean once(String zt) {
        return once.contains(zt);
    }

    private static CaseStatus caseStatus(String name) {
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
