package org.disputehub.bench.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code [--quick] [--configs=embedded,prod] [--targets=hub,bare] [--rates=100,200,500,1000,2000]
 * [--seconds=20] [--warmup=120] [--all-out=true] [--steps=rates,all-out,surge] [--surge=5000]
 * [--surge-seconds=10] [--jfr] [--label=NAME] [--home=.] [--out=bench/results]
 * [--hub-env=KEY=VALUE,...] [--relay-env=KEY=VALUE,...] [--hub-jar=hub/target/hub.jar] [--warmup-rate=100]
 * [--java=auto|PATH] [--aot=true|false] [--aot-training=60] [--extract=true|false] [--hub-jvm-opts="-XX:… -XX:…"]
 * [--relay-jvm-opts="…"] [--h2-statistics]}
 * ({@code --hub-env} sets environment variables of the hub, e.g. its consumer counts; {@code --relay-env} those of
 * the bare relay, e.g. {@code BENCH_RELAY_CONSUMERS=64}; {@code --java} the java executable of the hub and the
 * relay, {@code auto}: Java 25 or later if installed ({@link Runtimes}), else the driver's; {@code --aot} (default:
 * on where the runtime is Java 25 or later, but for {@code --quick}) trains an AOT cache for each target in a run of its own under the
 * warm-up's traffic for {@code --aot-training} seconds, then measures a JVM started with it; {@code --extract}
 * (default: as {@code --aot}) launches both targets from their jars extracted as production runs them
 * ({@link Launch}); {@code --h2-statistics} writes the embedded hub's statements one by one after the warm-up
 * ({@link StatementStatistics}); the JVM options are
 * separated by spaces; {@code --warmup-rate=0}: the warm-up all-out).
 */
public record BenchOptions(Path home, Path out, String label, List<String> configs, List<String> targets, List<Integer> rates,
                    int seconds, int warmup, boolean allOut, boolean jfr, Map<String, String> hubEnv, Path hubJar,
                    List<String> steps, int surge, int surgeSeconds, Map<String, String> relayEnv, int warmupRate,
                    Path java, boolean aot, int aotTraining, boolean extract, List<String> hubJvmOpts,
                    List<String> relayJvmOpts, boolean h2Statistics) {

    private static List<String> words(String line) {
        return line == null || line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    private static Map<String, String> env(String list) {
        Map<String, String> env = new HashMap<>();
        if (list != null) {
            for (String kv : list.split(",")) {
                String[] p = kv.split("=", 2);
                env.put(p[0], p[1]);
            }
        }
        return env;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            a.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        boolean quick = Boolean.parseBoolean(a.getOrDefault("quick", "false"));
        List<Integer> rates = new ArrayList<>();
        for (String r : a.getOrDefault("rates", quick ? "100,500" : "100,200,500,1000,2000").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        Map<String, String> hubEnv = env(a.get("hub-env"));
        boolean allOut = Boolean.parseBoolean(a.getOrDefault("all-out", "true"));
        List<String> steps = new ArrayList<>(List.of(a.getOrDefault("steps", quick ? "rates,all-out" : "rates,all-out,surge")
                .split(",")));
        for (String step : steps) {
            if (!List.of("rates", "all-out", "surge").contains(step)) {
                throw new IllegalArgumentException("unknown step " + step + " (rates, all-out, surge)");
            }
        }
        if (!allOut) {
            steps.remove("all-out");
        }
        Path java = Runtimes.resolve(a.get("java"));
        boolean aotPossible = Runtimes.featureOf(java) >= Runtimes.AOT_FEATURE;
        boolean aot = Boolean.parseBoolean(a.getOrDefault("aot", Boolean.toString(aotPossible && !quick)));
        if (aot && !aotPossible) {
            throw new IllegalArgumentException("--aot needs Java " + Runtimes.AOT_FEATURE + " or later; the runtime is "
                    + Runtimes.describe(java));
        }
        return new BenchOptions(Path.of(a.getOrDefault("home", ".")), Path.of(a.getOrDefault("out", "bench/results")),
                a.getOrDefault("label", quick ? "quick" : "latest"),
                List.of(a.getOrDefault("configs", quick ? "embedded" : "embedded,prod").split(",")),
                List.of(a.getOrDefault("targets", "hub,bare").split(",")), rates,
                Integer.parseInt(a.getOrDefault("seconds", quick ? "8" : "20")),
                Integer.parseInt(a.getOrDefault("warmup", quick ? "5" : "120")),
                steps.contains("all-out"),
                Boolean.parseBoolean(a.getOrDefault("jfr", "false")), hubEnv,
                Path.of(a.getOrDefault("home", ".")).resolve(a.getOrDefault("hub-jar", "hub/target/hub.jar")),
                List.copyOf(steps), Integer.parseInt(a.getOrDefault("surge", "5000")),
                Integer.parseInt(a.getOrDefault("surge-seconds", "10")), env(a.get("relay-env")),
                Integer.parseInt(a.getOrDefault("warmup-rate", "100")),
                java, aot, Integer.parseInt(a.getOrDefault("aot-training", "60")),
                Boolean.parseBoolean(a.getOrDefault("extract", Boolean.toString(aot))),
                words(a.get("hub-jvm-opts")), words(a.get("relay-jvm-opts")),
                Boolean.parseBoolean(a.getOrDefault("h2-statistics", "false")));
    }
}
