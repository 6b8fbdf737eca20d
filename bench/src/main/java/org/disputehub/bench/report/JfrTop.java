package org.disputehub.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hotspots of a JFR recording: the CPU samples by layer (database, JMS, JSON, logging, ...: the innermost
 * frame of a known library), the top frames of {@code jdk.ExecutionSample} (where the CPU is), the first
 * project frame ({@code org.disputehub}) of each sample (which of our code paths costs), the project methods
 * inclusively (what a whole step costs with everything it calls), and the monitors
 * threads blocked on longest ({@code jdk.JavaMonitorEnter}). Run:
 * {@code java -Dloader.main=org.disputehub.bench.report.JfrTop -jar bench/target/bench.jar hub.jfr [n]}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        Map<String, Long> parks = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                top.merge(name(frames.get(0)), 1, Integer::sum);
                layers.merge(layer(frames), 1, Integer::sum);
                for (RecordedFrame f : frames) {
                    if (f.getMethod().getType().getName().startsWith("org.disputehub")) {
                        ours.merge(name(f), 1, Integer::sum);
                        break;
                    }
                }
                frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.disputehub"))
                        .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).distinct()
                        .forEach(m -> inclusive.merge(m, 1, Integer::sum));
            } else if (type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.ThreadPark")) {
                String where = "?";
                for (RecordedFrame f : frames) {
                    if (f.getMethod().getType().getName().startsWith("org.disputehub")) {
                        where = name(f);
                        break;
                    }
                }
                String key = (type.equals("jdk.JavaMonitorEnter") ? e.getClass("monitorClass").getName() : "park")
                        + " at " + where;
                (type.equals("jdk.JavaMonitorEnter") ? monitors : parks)
                        .merge(key, e.getDuration().toMillis(), Long::sum);
            }
        }
        System.out.println("execution samples: " + samples);
        print("by layer (the innermost frame of a known library)", layers, n, samples);
        print("top frames (self)", top, n, samples);
        print("first org.disputehub frame", ours, n, samples);
        print("org.disputehub methods, inclusive (samples with the method anywhere on the stack)", inclusive, 2 * n, samples);
        print("blocked on monitors (ms, summed)", monitors, n, 0);
        print("parked in project code (ms, summed)", parks, n, 0);
    }

    /** Package prefixes → layer, for the CPU shares; the first (innermost) frame that matches one decides. */
    private static final String[][] LAYERS = {
        {"org.h2.", "database"}, {"org.postgresql.", "database"}, {"com.zaxxer.hikari.", "database"},
        {"org.springframework.jdbc.", "database"}, {"org.flywaydb.", "database"},
        {"org.apache.activemq.", "JMS / broker"}, {"org.messaginghub.pooled.jms.", "JMS / broker"},
        {"org.springframework.jms.", "JMS / broker"}, {"org.apache.camel.component.jms.", "JMS / broker"},
        {"com.fasterxml.jackson.", "JSON"}, {"com.networknt.", "JSON schema"},
        {"ch.qos.logback.", "logging"}, {"org.slf4j.", "logging"}, {"org.disputehub.canonical.codec.Masking", "masking"},
        {"java.util.regex.", "regex"}, {"com.sun.org.apache.xerces.", "XML"}, {"javax.xml.", "XML"},
        {"jdk.internal.net.http.", "HTTP client"}, {"java.net.http.", "HTTP client"},
        {"org.apache.tomcat.", "HTTP server"}, {"org.apache.coyote.", "HTTP server"}, {"org.apache.catalina.", "HTTP server"},
        {"org.springframework.security.", "security"}, {"javax.crypto.", "crypto"}, {"sun.security.", "crypto"},
        {"org.apache.camel.", "Camel"}, {"org.springframework.", "Spring"}, {"org.disputehub.", "hub code"}};

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String[] l : LAYERS) {
                if (type.startsWith(l[0])) {
                    return l[1];
                }
            }
        }
        return "JDK / other";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static <V extends Number> void print(String title, Map<String, V> m, int n, int total) {
        System.out.println("\n== " + title);
        m.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().doubleValue(), a.getValue().doubleValue()))
                .limit(n).forEach(e -> System.out.printf("%8s %s %s%n", e.getValue(),
                        total > 0 ? String.format("%5.1f%%", 100.0 * e.getValue().doubleValue() / total) : "",
                        e.getKey()));
    }
}
