package org.disputehub.bench.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.disputehub.bench.report.Report;

/**
 * The benchmark: for each configuration (embedded, prod) and target (the hub, the bare relay), start the target,
 * warm it up, run the fixed rates in turn (stopping at the first rate not sustained), then all-out, then the surge
 * (5 000 inputs within 10 s, the time until the last is dispatched); {@code --steps} picks among them; write
 * {@code bench/results/{label}.md|.json|.png}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        // the driver reports on standard output; its libraries (the JMS client, WireMock) only when something is wrong
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        Path work = o.home().resolve("bench/target/run").toAbsolutePath();
        Files.createDirectories(work);
        List<StepResult> results = new ArrayList<>();
        List<WarmUp> warmUps = new ArrayList<>();
        Instant started = Instant.now();
        System.out.println("benchmark " + o.label() + ": configs " + o.configs() + ", targets " + o.targets()
                + ", rates " + o.rates() + ", " + o.seconds() + " s each; runtime " + Runtimes.describe(o.java())
                + (o.aot() ? ", AOT cache trained for " + o.aotTraining() + " s per target" : "")
                + (o.extract() ? ", jars extracted" : "")
                + "; load " + ProcStats.loadavg());
        Map<String, Launch> launches = launches(o, work);
        int index = 0;
        for (String config : o.configs()) {
            for (String target : o.targets()) {
                System.out.println("== " + config + " / " + target);
                ThreadPoolExecutor senders = new ThreadPoolExecutor(32, 32, 60, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(), r -> {
                            Thread t = new Thread(r, "bench-sender");
                            t.setDaemon(true);
                            return t;
                        });
                Launch launch = launches.get(target);
                List<String> aotCache = o.aot() ? aotCache(o, config, target, work, launch, senders) : List.of();
                try (Session session = new Session(o, config, target, work, launch, aotCache)) {
                    ScheduledExecutorService flusher = laborFlusher(session);
                    Step step = new Step(session, senders);
                    StepResult warm = step.run(++index, config, target, o.warmupRate(), Duration.ofSeconds(o.warmup()),
                            Duration.ofSeconds(30));
                    WarmUp warmUp = warmUp(session, step, config, target, o);
                    warmUps.add(warmUp);
                    System.out.println("  warm-up: " + line(warm));
                    System.out.println("  " + line(warmUp));
                    if (session.statements() != null) {
                        session.statements().reset(session.ledger().receivedCount());
                    }
                    if (o.jfr() && target.equals("hub")) {
                        session.startRecording(o.out().toAbsolutePath().resolve(o.label() + "-" + config + "-hub.jfr"));
                    }
                    for (int rate : o.steps().contains("rates") ? o.rates() : List.<Integer>of()) {
                        StepResult r = step.run(++index, config, target, rate, Duration.ofSeconds(o.seconds()),
                                Duration.ofSeconds(40));
                        results.add(r);
                        System.out.println("  " + line(r));
                        System.out.println("    by system: " + r.bySystem());
                        if (!r.sustained()) {
                            System.out.println("  not sustained at " + rate + "/s: higher rates skipped");
                            break;
                        }
                    }
                    if (o.allOut()) {
                        StepResult r = step.run(++index, config, target, 0, Duration.ofSeconds(o.seconds()),
                                Duration.ofSeconds(30));
                        results.add(r);
                        System.out.println("  " + line(r));
                        if (warmUp.offeredRate() == 0) {
                            warmUps.set(warmUps.size() - 1, warmUp.against(r.dispatchRate()));
                            System.out.println("  " + line(warmUps.get(warmUps.size() - 1)));
                        }
                    }
                    if (o.steps().contains("surge")) {
                        StepResult r = step.surge(++index, config, target, o.surge(), Duration.ofSeconds(o.surgeSeconds()),
                                Duration.ofMinutes(10));
                        results.add(r);
                        System.out.println("  " + line(r) + String.format(" cleared in %.1f s", r.clearSeconds()));
                    }
                    if (session.statements() != null) {
                        session.statements().write(o.out().resolve(o.label() + "-" + config + "-hub-statements.md"),
                                session.ledger().receivedCount());
                    }
                    flusher.shutdownNow();
                } finally {
                    senders.shutdownNow();
                }
                Report.write(o.out(), o.label(), started, results, warmUps, o);
            }
        }
        Report.write(o.out(), o.label(), started, results, warmUps, o);
        System.out.println("results: " + o.out().resolve(o.label() + ".md"));
    }

    /**
     * Trains the target's AOT cache as a release step would: a JVM of its own (fresh data) under the warm-up's
     * traffic for {@code --aot-training} seconds, stopped so that it writes the cache; the option that starts the
     * measured JVM with it. Not counted in any figure.
     */
    private static List<String> aotCache(BenchOptions o, String config, String target, Path work, Launch launch,
                                         ThreadPoolExecutor senders) throws Exception {
        Path cache = work.resolve(config + "-" + target + ".aot");
        Files.deleteIfExists(cache);
        long started = System.nanoTime();
        try (Session training = new Session(o, config, target, work, launch,
                List.of("-XX:AOTCacheOutput=" + cache))) {
            ScheduledExecutorService flusher = laborFlusher(training);
            StepResult r = new Step(training, senders).run(0, config, target, o.warmupRate(),
                    Duration.ofSeconds(o.aotTraining()), Duration.ofSeconds(30));
            flusher.shutdownNow();
            System.out.println("  AOT training: " + line(r));
            training.stopTarget(Duration.ofMinutes(5));
        }
        if (!Files.isRegularFile(cache)) {
            throw new java.io.IOException("the AOT training of " + config + "/" + target + " wrote no cache " + cache
                    + "; see its log under " + work);
        }
        System.out.printf("  AOT cache %s: %d MiB, trained and written in %.0f s%n", cache,
                Files.size(cache) >> 20, (System.nanoTime() - started) / 1e9);
        return List.of("-XX:AOTCache=" + cache);
    }

    /** How each target starts: from its packed jar, or (--extract) from the jar extracted once for the run. */
    private static Map<String, Launch> launches(BenchOptions o, Path work) throws Exception {
        Path benchJar = o.home().resolve("bench/target/bench.jar");
        if (!o.extract()) {
            return Map.of("hub", Launch.hub(o.hubJar(), false), "bare", Launch.relay(benchJar, false));
        }
        return Map.of("hub", Launch.hub(Launch.extract(o.java(), o.hubJar(), work.resolve("jars/hub")), true),
                "bare", Launch.relay(Launch.extract(o.java(), benchJar, work.resolve("jars/bare")), true));
    }

    /** The labor inbox gets each second's rows as one batch file. */
    private static ScheduledExecutorService laborFlusher(Session session) {
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleAtFixedRate(session.traffic()::flushLabor, 1, 1, TimeUnit.SECONDS);
        return flusher;
    }

    private static WarmUp warmUp(Session session, Step step, String config, String target, BenchOptions o) {
        double stepStart = (step.timeline().origin() - session.targetStartedNanos()) / 1e9;
        return WarmUp.measure(config, target, session.jvmDescription(), o.warmupRate(), o.warmup(),
                session.readySeconds(), stepStart, session.startCpuSeconds(), step.timeline());
    }

    private static String line(WarmUp w) {
        return String.format("warm-up from the JVM's start: ready after %.1f s (%.1f CPU s), %s", w.readySeconds(),
                w.startCpuSeconds(), w.offeredRate() > 0
                        ? "keeps up with " + w.offeredRate() + "/s after " + seconds(w.keepsUpAfterSeconds())
                        : "reaches 90 % of " + String.format("%.0f", w.referenceRate()) + "/s after "
                                + seconds(w.reaches90AfterSeconds()))
                + "; out/s per 5 s: " + java.util.Arrays.toString(w.outPerWindow());
    }

    private static String seconds(double s) {
        return s < 0 ? "— (not within the warm-up)" : String.format("%.0f s", s);
    }

    private static String line(StepResult r) {
        return String.format("%-7s in %.0f/s out %.0f/s p50 %.1f p99 %.1f p99.9 %.1f max %.1f ms (from intended p99 %.1f)"
                        + " cpu %.2f cores rss %.0f MiB failed %d outstanding %d %s load %s",
                r.label(), r.inputRate(), r.dispatchRate(), r.p50(), r.p99(), r.p999(), r.max(), r.fromIntendedP99(),
                r.cpuCores(), r.rssMaxMiB(), r.failed(), r.outstandingAtEnd(), r.sustained() ? "SUSTAINED" : "not sustained",
                r.loadEnd());
    }
}
