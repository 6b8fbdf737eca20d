package org.disputehub.connector.hotline12345;

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
 * Canonical status → the hotline's feedback {@code status}, and the default {@code handleResult} per
 * status, kept as data in {@code hotline12345/status-vocabulary.properties} (UTF-8): lines
 * {@code status.SIGNED=SIGN} and {@code result.SIGNED=已签收…}. A status without a line is not sent.
 */
public class StatusVocabulary {

    public static final String DEFAULT_LOCATION = "hotline12345/status-vocabulary.properties";
    private static final Set<String> HOTLINE_STATUSES = Set.of("SIGN", "PROCESS", "FINISH", "RETURN", "VISIT");

    private volatile Map<CaseStatus, String> statuses;
    private volatile Map<CaseStatus, String> results;

    StatusVocabulary(Map<CaseStatus, String> statuses, Map<CaseStatus, String> results) {
        this.statuses = Map.copyOf(statuses);
        this.results = Map.copyOf(results);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload; see VocabularyReloader). */
    public void replaceWith(StatusVocabulary fresh) {
        this.statuses = fresh.statuses;
        this.results = fresh.results;
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
        Map<CaseStatus, String> results = new EnumMap<>(CaseStatus.class);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            String[] parts = key.split("\\.", 2);
            CaseStatus status = parts.length == 2 ? caseStatus(parts[1]) : null;
            if (status == null || !(parts[0].equals("status") || parts[0].equals("result"))) {
                throw new IllegalStateException(classpathLocation + ": '" + key + "' is not status.{CANONICAL} or result.{CANONICAL}");
            }
            if (parts[0].equals("status") && !HOTLINE_STATUSES.contains(value)) {
                throw new IllegalStateException(classpathLocation + ": " + key + "=" + value + " is not one of " + HOTLINE_STATUSES);
            }
            (parts[0].equals("status") ? statuses : results).put(status, value);
        }
        for (CaseStatus status : statuses.keySet()) {
            if (results.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(classpathLocation + ": result." + status + " missing");
            }
        }
        return new StatusVocabulary(statuses, results);
    }

    /** The hotline status for a canonical one, or empty when the status is not sent. */
    public Optional<String> status(CaseStatus status) {
        return Optional.ofNullable(statuses.get(status));
    }

    /** The {@code handleResult} to send when the event has no note. */
    public String defaultResult(CaseStatus status) {
        return results.getOrDefault(status, "");
    }

    private static CaseStatus caseStatus(String name) {
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
