package org.disputehub.connector.odr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.disputehub.canonical.model.CaseStatus;

/**
 * ODR mediation outcome → the canonical statuses reported for the hub case, in order, and their notes, kept as
 * data in {@code odr/mediation-outcomes.properties} ({@code outcome.SETTLED=RESOLVED,CLOSED}, {@code note.RESOLVED=…}).
 */
public class MediationOutcomes {

    public static final String DEFAULT_LOCATION = "odr/mediation-outcomes.properties";

    private final Map<String, List<CaseStatus>> outcomes;
    private final Map<CaseStatus, String> notes;

    MediationOutcomes(Map<String, List<CaseStatus>> outcomes, Map<CaseStatus, String> notes) {
        this.outcomes = Map.copyOf(outcomes);
        this.notes = Map.copyOf(notes);
    }

    public static MediationOutcomes load(String location) {
        Properties p = PropertiesFile.load(location);
        Map<String, List<CaseStatus>> outcomes = new HashMap<>();
        Map<CaseStatus, String> notes = new EnumMap<>(CaseStatus.class);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (key.startsWith("outcome.")) {
                List<CaseStatus> statuses = new ArrayList<>();
                for (String s : value.split(",")) {
                    statuses.add(PropertiesFile.status(location, key, s));
                }
                outcomes.put(key.substring("outcome.".length()), List.copyOf(statuses));
            } else if (key.startsWith("note.")) {
                notes.put(PropertiesFile.status(location, key, key.substring("note.".length())), value);
            } else {
                throw new IllegalStateException(location + ": '" + key + "' is not outcome.{OUTCOME} or note.{CANONICAL}");
            }
        }
        for (String outcome : ConclusionMapper.OUTCOMES) {
            if (!outcomes.containsKey(outcome)) {
                throw new IllegalStateException(location + ": outcome." + outcome + " missing");
            }
        }
        outcomes.values().stream().flatMap(List::stream).filter(s -> notes.getOrDefault(s, "").isBlank()).findFirst()
                .ifPresent(s -> {
                    throw new IllegalStateException(location + ": note." + s + " missing");
                });
        return new MediationOutcomes(outcomes, notes);
    }

    /** The statuses to report for an outcome, in order. */
    public List<CaseStatus> statuses(String outcome) {
        List<CaseStatus> statuses = outcomes.get(outcome);
        if (statuses == null) {
            throw new IllegalArgumentException("unknown mediation outcome " + outcome);
        }
        return statuses;
    }

    /** The note of one reported status; the bracketed part that mentions the agreement only when there is one. */
    public String note(CaseStatus status, String agreementNo) {
        String note = notes.getOrDefault(status, "");
        return agreementNo == null ? note.replaceAll("\\[[^\\]]*]", "")
                : note.replace("{agreementNo}", agreementNo).replace("[", "").replace("]", "");
    }
}
