package org.disputehub.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's measurements, written to target/faults/figures.md (and the log) when the run ends. */
final class Figures {

    private final Map<String, String> rows = new LinkedHashMap<>();
    private final List<Long> hubStartMillis = new ArrayList<>();

    synchronized void put(String name, Object value) {
        rows.put(name, String.valueOf(value));
    }

    synchronized void hubStarted(long millis) {
        hubStartMillis.add(millis);
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder("| figure | value |\n|---|---|\n");
        if (!hubStartMillis.isEmpty()) {
            long max = hubStartMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            double avg = hubStartMillis.stream().mapToLong(Long::longValue).average().orElse(0);
            rows.put("hub starts (JVM start → healthy)", hubStartMillis.size() + " starts, mean "
                    + String.format("%.1f s", avg / 1000) + ", max " + String.format("%.1f s", max / 1000.0));
        }
        rows.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, table());
    }
}
