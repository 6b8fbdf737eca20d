package org.disputehub.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disputehub.bench.driver.BenchOptions;
import org.disputehub.bench.driver.StepResult;
import org.disputehub.bench.driver.WarmUp;

/** Writes the results: {@code {label}.json} (everything), {@code {label}.md} (the tables), {@code {label}.png}. */
public final class Report {

    private Report() {
    }

    public static void write(Path out, String label, Instant started, List<StepResult> results, List<WarmUp> warmUps,
                             BenchOptions o) throws IOException {
        Files.createDirectories(out);
        Map<String, Object> machine = Machine.describe();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", label);
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine);
        json.put("options", o);
        json.put("steps", results);
        json.put("warmUps", warmUps);
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve(label + ".json").toFile(), json);
        Files.writeString(out.resolve(label + ".md"), markdown(label, started, machine, results, warmUps, o));
        Chart.draw(out.resolve(label + ".png"), label, results);
    }

    private static String f(double v) {
        return String.format("%.1f", v);
    }

    /** Writes the Markdown and the chart again from {@code {label}.json}: {@code ReReport DIR LABEL}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        var json = new ObjectMapper().findAndRegisterModules().readTree(out.resolve(args[1] + ".json").toFile());
        ObjectMapper m = new ObjectMapper().findAndRegisterModules();
        List<StepResult> steps = List.of(m.treeToValue(json.get("steps"), StepResult[].class));
        BenchOptions o = m.treeToValue(json.get("options"), BenchOptions.class);
        List<WarmUp> warmUps = json.has("warmUps") ? List.of(m.treeToValue(json.get("warmUps"), WarmUp[].class))
                : List.of();
        Map<String, Object> machine = m.convertValue(json.get("machine"), Map.class);
        Files.writeString(out.resolve(args[1] + ".md"),
                markdown(args[1], Instant.parse(json.get("started").asText()), machine, steps, warmUps, o));
        Chart.draw(out.resolve(args[1] + ".png"), args[1], steps);
    }

    /** The surge steps: inputs dropped, how long until the last was dispatched, the hub against the bare relay. */
    private static void surge(StringBuilder md, List<StepResult> results, BenchOptions o) {
        List<StepResult> surges = results.stream().filter(r -> r.label().equals("surge")).toList();
        if (surges.isEmpty()) {
            return;
        }
        md.append("\n## Surge (inputs dropped within the step, time until the last is dispatched)\n\n| config | target "
                + "| inputs | over s | dispatched | failed | cleared in s | p50 | p99 | cpu | load | hub/bare time |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult r : surges) {
            Optional<StepResult> bare = surges.stream().filter(b -> b.target().equals("bare") && b.config().equals(r.config())
                    && b.clearSeconds() > 0).findFirst();
            md.append(String.format("| %s | %s | %d | %d | %d | %d | %s | %s | %s | %.2f | %s | %s |%n", r.config(),
                    r.target(), (long) r.offeredRate() * o.surgeSeconds(), o.surgeSeconds(), r.received(), r.failed(),
                    r.clearSeconds() <= 0 ? "**none dispatched**" : f(r.clearSeconds())
                            + (r.calls().getOrDefault("surge-not-dispatched", 0L) > 0
                            ? " (" + r.calls().get("surge-not-dispatched") + " never dispatched)" : ""),
                    r.received() == 0 ? "—" : f(r.p50()), r.received() == 0 ? "—" : f(r.p99()), r.cpuCores(),
                    String.join(" ", List.of(r.loadEnd().split(" ")).subList(0, Math.min(3, r.loadEnd().split(" ").length))),
                    r.target().equals("hub") && r.clearSeconds() > 0
                            ? bare.map(b -> String.format("%.2f×", r.clearSeconds() / b.clearSeconds())).orElse("—") : "—"));
        }
    }

    /** The warm-up of each JVM, from its process start (definitions: bench/README.md, "What is measured"). */
    private static void warmUp(StringBuilder md, List<WarmUp> warmUps) {
        if (warmUps.isEmpty()) {
            return;
        }
        md.append("\n## Warm-up (seconds from the JVM's start)\n\n`keeps up` (warm-up at a fixed rate): the first 5-s "
                + "window with ≥ 95 % of the rate dispatched, after which the target stays ≤ 1 s of input behind. "
                + "`90 % of all-out` (warm-up all-out): the first 5-s window at ≥ 90 % of the later all-out rate.\n\n"
                + "| config | target | JVM | warm-up | ready after | CPU s to ready | keeps up after | 90 % of all-out after "
                + "| out/s per 5-s window |\n|---|---|---|---|---|---|---|---|---|\n");
        for (WarmUp w : warmUps) {
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", w.config(), w.target(),
                    w.jvm().isBlank() ? "default" : "`" + w.jvm() + "`",
                    (w.offeredRate() > 0 ? w.offeredRate() + "/s" : "all-out") + ", " + w.seconds() + " s",
                    f(w.readySeconds()), f(w.startCpuSeconds()),
                    w.offeredRate() == 0 ? "—" : w.keepsUpAfterSeconds() < 0 ? "**not within**" : f(w.keepsUpAfterSeconds()),
                    w.offeredRate() > 0 ? "—" : w.reaches90AfterSeconds() < 0 ? "**not within**"
                            : f(w.reaches90AfterSeconds()) + String.format(" (of %.0f/s)", w.referenceRate()),
                    java.util.Arrays.toString(w.outPerWindow()).replaceAll("[\\[\\],]", "")));
        }
    }

    static String markdown(String label, Instant started, Map<String, Object> machine, List<StepResult> results,
                           List<WarmUp> warmUps, BenchOptions o) {
        StringBuilder md = new StringBuilder("# Benchmark `").append(label).append("`\n\n");
        md.append("Started ").append(started).append(", ").append(o.seconds()).append(" s per rate, warm-up ")
                .append(o.warmup()).append(" s ").append(o.warmupRate() > 0 ? "at " + o.warmupRate() + "/s" : "all-out")
                .append(". Machine: ");
        machine.forEach((k, v) -> md.append(k).append(" ").append(v).append("; "));
        md.append("\n\nLatency = from the hub accepting an input to the department receiving its dispatch (ms). "
                + "`p99 (intended)` counts from the intended send time. `cpu` = cores used by the target JVM, "
                + "`rss` its peak resident memory, `load` = the machine's 1/5/15-min load average at the end of the step "
                + "(others share this machine).\n\n");
        md.append("| config | target | rate/s | in/s | out/s | sustained | p50 | p90 | p99 | p99.9 | max | p99 (intended) "
                + "| failed | cpu | rss MiB | driver cpu | load |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult r : results) {
            String none = "— (none of its cases dispatched)";
            md.append(String.format("| %s | %s | %s | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %s | %d | %.2f | %.0f | %.2f | %s |%n",
                    r.config(), r.target(), r.label(), r.inputRate(), r.dispatchRate(),
                    r.label().equals("all-out") || r.label().equals("surge") ? "—" : r.sustained() ? "yes" : "**no**",
                    r.received() == 0 ? none : f(r.p50()), r.received() == 0 ? "—" : f(r.p90()),
                    r.received() == 0 ? "—" : f(r.p99()), r.received() == 0 ? "—" : f(r.p999()),
                    r.received() == 0 ? "—" : f(r.max()), r.received() == 0 ? "—" : f(r.fromIntendedP99()),
                    r.failed(), r.cpuCores(),
                    r.rssMaxMiB(), r.driverCpuCores(), r.loadEnd().split(" ", 4).length > 2
                            ? String.join(" ", List.of(r.loadEnd().split(" ")).subList(0, 3)) : r.loadEnd()));
        }
        md.append("\n## Latency by input system (from acceptance)\n\n| config | target | rate/s | system | latency |\n|---|---|---|---|---|\n");
        for (StepResult r : results) {
            if (r.bySystem() != null) {
                r.bySystem().forEach((k, v) -> md.append(String.format("| %s | %s | %s | %s | %s |%n", r.config(),
                        r.target(), r.label(), k, v)));
            }
        }
        md.append("\n## Hub against the bare relay\n\n| config | rate/s | hub p50 | bare p50 | hub p99 | bare p99 "
                + "| hub out/s | bare out/s | hub/bare throughput |\n|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult h : results) {
            if (!h.target().equals("hub")) {
                continue;
            }
            Optional<StepResult> b = results.stream().filter(r -> r.target().equals("bare")
                    && r.config().equals(h.config()) && r.label().equals(h.label())).findFirst();
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %.0f | %s | %s |%n", h.config(), h.label(),
                    h.received() == 0 ? "—" : f(h.p50()), b.filter(x -> x.received() > 0).map(x -> f(x.p50())).orElse("—"),
                    h.received() == 0 ? "—" : f(h.p99()),
                    b.filter(x -> x.received() > 0).map(x -> f(x.p99())).orElse("—"), h.dispatchRate(),
                    b.map(x -> String.format("%.0f", x.dispatchRate())).orElse("—"),
                    b.map(x -> String.format("%.2f×", h.dispatchRate() / x.dispatchRate())).orElse("—")));
        }
        surge(md, results, o);
        warmUp(md, warmUps);
        md.append("\n## Highest rate sustained (dispatches keep up with inputs, backlog drained)\n\n");
        for (String config : o.configs()) {
            for (String target : o.targets()) {
                int best = results.stream().filter(r -> r.config().equals(config) && r.target().equals(target)
                        && r.sustained()).mapToInt(StepResult::offeredRate).max().orElse(0);
                double allOut = results.stream().filter(r -> r.config().equals(config) && r.target().equals(target)
                        && r.label().equals("all-out")).mapToDouble(StepResult::dispatchRate).findFirst().orElse(0);
                md.append(String.format("- %s / %s: %s cases/s sustained; all-out %.0f cases/s%n", config, target,
                        best == 0 ? "none of the rates" : Integer.toString(best), allOut));
            }
        }
        md.append("\n![latency against rate](").append(label).append(".png)\n");
        return md.toString();
    }
}
