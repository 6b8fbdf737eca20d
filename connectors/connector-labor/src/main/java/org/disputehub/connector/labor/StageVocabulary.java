package org.disputehub.connector.labor;

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
 * Canonical status → the labor system's progress {@code stage}, and the default {@code remark} per status, kept as
 * data in {@code labor/stage-vocabulary.properties} (UTF-8): lines {@code stage.SIGNED=调处中} and
 * {@code remark.SIGNED=…}. A status without a stage line is not sent.
 */
public class StageVocabulary {

    public static final String DEFAULT_LOCATION = "labor/stage-vocabulary.properties";
    static final Set<String> STAGES = Set.of("已受理", "已交办", "调处中", "已办结", "已回访", "已退回");

    private volatile Map<CaseStatus, String> stages;
    private volatile Map<CaseStatus, String> remarks;

    StageVocabulary(Map<CaseStatus, String> stages, Map<CaseStatus, String> remarks) {
        this.stages = Map.copyOf(stages);
        this.remarks = Map.copyOf(remarks);
    }

    /** Puts a freshly loaded vocabulary in force (the hub's mapping reload; see VocabularyReloader). */
    public void replaceWith(StageVocabulary fresh) {
        this.stages = fresh.stages;
        this.remarks = fresh.remarks;
    }

    /** Loads and checks a vocabulary from the classpath; a bad line fails start-up naming the line. */
    public static StageVocabulary load(String classpathLocation) {
        Properties p = new Properties();
        try (InputStream in = VocabularyFiles.open(StageVocabulary.class, classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException(classpathLocation + " missing from the classpath");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<CaseStatus, String> stages = new EnumMap<>(CaseStatus.class);
        Map<CaseStatus, String> remarks = new EnumMap<>(CaseStatus.class);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            String[] parts = key.split("\\.", 2);
            CaseStatus status = parts.length == 2 ? caseStatus(parts[1]) : null;
            if (status == null || !(parts[0].equals("stage") || parts[0].equals("remark"))) {
                throw new IllegalStateException(classpathLocation + ": '" + key + "' is not stage.{CANONICAL} or remark.{CANONICAL}");
            }
            if (parts[0].equals("stage") && !STAGES.contains(value)) {
                throw new IllegalStateException(classpathLocation + ": " + key + "=" + value + " is not one of " + STAGES);
            }
            (parts[0].equals("stage") ? stages : remarks).put(status, value);
        }
        for (CaseStatus status : stages.keySet()) {
            if (remarks.getOrDefault(status, "").isBlank()) {
                throw new IllegalStateException(classpathLocation + ": remark." + status + " missing");
            }
        }
        return new StageVocabulary(stages, remarks);
    }

    /** The labor stage for a canonical status, or empty when the status is not sent. */
    public Optional<String> stage(CaseStatus status) {
        return Optional.ofNullable(stages.get(status));
    }

    /** The {@code remark} to send when the event has no note. */
    public String defaultRemark(CaseStatus status) {
        return remarks.getOrDefault(status, "");
    }

    private static CaseStatus caseStatus(String name) {
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
