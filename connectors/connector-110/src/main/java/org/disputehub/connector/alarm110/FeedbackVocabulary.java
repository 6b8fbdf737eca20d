package org.disputehub.connector.alarm110;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.disputehub.canonical.connector.VocabularyFiles;
import org.disputehub.canonical.model.CaseStatus;

/**
 * Canonical status → the 110 feedback status {@code FKZT}, and the default {@code FKNR} per status, kept as
 * data in {@code alarm110/feedback-status.properties} (UTF-8): lines {@code status.SIGNED=02} and
 * {@code note.SIGNED=处置单位已签收}. A status without a line is not sent.
 */
public class FeedbackVocabulary {

    public static final String DEFAULT_LOCATION = "alarm110/feedback-status.properties";
    /** 已办结: sent at most once per case. */
    public static final String CLOSED = "05";
    private static final Set<String> FKZT = Set.of("01", "02", "03", "04", "05", "06", "07");

    private volatile Map<CaseStatus, String> codes;
    private volatile Map<CaseStatus, String> notes;

    FeedbackVocabulary(Map<CaseStatus, String> codes, Map<CaseStatus, String> notes) {
        this.codes = Map.copyOf(codes);
        this.notes = Map.copyOf(notes);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload; see VocabularyReloader). */
    public void replaceWith(FeedbackVocabulary fresh) {
        this.codes = fresh.codes;
        this.notes = fresh.notes;
    }

    /** Loads and checks a vocabulary from the classpath; a bad line fails start-up naming the line. */
    public static FeedbackVocabulary load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = VocabularyFiles.open(FeedbackVocabulary.class, classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<CaseStatus, String> codes = new EnumMap<>(CaseStatus.class);
        Map<CaseStatus, String> notes = new EnumMap<>(CaseStatus.class);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            String[] parts = key.split("\\.", 2);
            CaseStatus status = parts.length == 2 ? caseStatus(parts[1]) : null;
            if (status == null || !(parts[0].equals("status") || parts[0].equals("note"))) {
                throw new IllegalStateException(classpathLocation + ": '" + key + "' is not status.{CANONICAL} or note.{CANONICAL}");
            }
            if (parts[0].equals("status") && !FKZT.contains(value)) {
                throw new IllegalStateException(classpathLocation + ": " + key + "=" + value + " is not one of " + FKZT);
            }
            (parts[0].equals("status") ? codes : notes).put(status, value);
        }
        for (CaseStatus status : codes.keySet()) {
            if (notes.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(classpathLocation + ": note." + status + " missing");
            }
        }
        return new FeedbackVocabulary(codes, notes);
    }

    /** The FKZT for a canonical status, or empty when the status is not sent. */
    public Optional<String> code(CaseStatus status) {
        return Optional.ofNullable(codes.get(status));
    }

    /** The FKNR to send when the event has no note. */
    public String defaultNote(CaseStatus status) {
        return notes.getOrDefault(status, "");
    }

    private static CaseStatus caseStatus(String name) {
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
