package org.disputehub.connector.odr;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.disputehub.canonical.model.CaseStatus;

/**
 * Canonical status → ODR dispute status, and the default note per status, kept as data in
 * {@code odr/status-vocabulary.properties}: lines {@code status.SIGNED=IN_PROGRESS} and {@code note.SIGNED=…}.
 * A status without a line is not sent.
 */
public class StatusVocabulary {

    public static final String DEFAULT_LOCATION = "odr/status-vocabulary.properties";
    static final Set<String> ODR_STATUSES = Set.of("ACCEPTED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "UNRESOLVED", "CLOSED");

    private volatile Map<CaseStatus, String> statuses;
    private volatile Map<CaseStatus, String> notes;

    StatusVocabulary(Map<CaseStatus, String> statuses, Map<CaseStatus, String> notes) {
        this.statuses = Map.copyOf(statuses);
        this.notes = Map.copyOf(notes);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload; see VocabularyReloader). */
    public void replaceWith(StatusVocabulary fresh) {
        this.statuses = fresh.statuses;
        this.notes = fresh.notes;
    }

    /** Loads and checks a vocabulary; a bad line fails start-up naming the line. */
    public static StatusVocabulary load(String location) {
        Properties p = PropertiesFile.load(location);
        Map<CaseStatus, String> statuses = new EnumMap<>(CaseStatus.class);
        Map<CaseStatus, String> notes = new EnumMap<>(CaseStatus.class);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            String[] parts = key.split("\\.", 2);
            if (parts.length != 2 || !(parts[0].equals("status") || parts[0].equals("note"))) {
                throw new IllegalStateException(location + ": '" + key + "' is not status.{CANONICAL} or note.{CANONICAL}");
            }
            CaseStatus status = PropertiesFile.status(location, key, parts[1]);
            if (parts[0].equals("status") && !ODR_STATUSES.contains(value)) {
                throw new IllegalStateException(location + ": " + key + "=" + value + " is not one of " + ODR_STATUSES);
            }
            (parts[0].equals("status") ? statuses : notes).put(status, value);
        }
        for (CaseStatus status : statuses.keySet()) {
            if (notes.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(location + ": note." + status + " missing");
            }
        }
        return new StatusVocabulary(statuses, notes);
    }

    /** The ODR status for a canonical one, or empty when the status is not sent. */
    public Optional<String> status(CaseStatus status) {
        return Optional.ofNullable(statuses.get(status));
    }

    /** The note to send when the event has none. */
    public String defaultNote(CaseStatus status) {
        return notes.getOrDefault(status, "");
    }
}
