package org.disputehub.connector.odr;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Hub taxonomy code → ODR {@code disputeType} for cases handed to online mediation, kept as data in
 * {@code odr/dispute-types.properties} (a {@code default} line covers every other code).
 */
public class DisputeTypes {

    public static final String DEFAULT_LOCATION = "odr/dispute-types.properties";
    static final Set<String> ODR_TYPES = Set.of("CONSUMER", "PROPERTY", "LABOR", "NEIGHBOR", "MARRIAGE", "TRAFFIC",
            "MEDICAL", "CONTRACT", "RENTAL", "OTHER");

    private final Map<String, String> types;
    private final String fallback;

    DisputeTypes(Map<String, String> types, String fallback) {
        this.types = Map.copyOf(types);
        this.fallback = fallback;
    }

    public static DisputeTypes load(String location) {
        Properties p = PropertiesFile.load(location);
        Map<String, String> types = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (!ODR_TYPES.contains(value)) {
                throw new IllegalStateException(location + ": " + key + "=" + value + " is not one of " + ODR_TYPES);
            }
            types.put(key, value);
        }
        String fallback = types.remove("default");
        if (fallback == null) {
            throw new IllegalStateException(location + ": the line default=… is missing");
        }
        return new DisputeTypes(types, fallback);
    }

    /** The ODR type of a case: its own when it came from ODR, else the one of its taxonomy code. */
    public String of(String sourceSystem, String sourceCode, String taxonomyCode) {
        if (Odr.SYSTEM.equals(sourceSystem) && ODR_TYPES.contains(sourceCode)) {
            return sourceCode;
        }
        return taxonomyCode == null ? fallback : types.getOrDefault(taxonomyCode, fallback);
    }
}
