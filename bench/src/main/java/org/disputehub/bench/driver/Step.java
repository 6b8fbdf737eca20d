package org.disputehub.bench.driver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs one step open-loop: input {@code i} is due at {@code start + i / rate}, whatever happened to the inputs
 * before it (a slow answer delays only its own sender thread; the latency from the intended time shows it).
 * All-out: as fast as a window of {@link #ALL_OUT_WINDOW} cases in flight allows (closed loop; the throughput).
 * Surge: a fixed number of inputs at the rate that drops them within the step's length, then the time until the
 * last is dispatched ({@link StepResult#clearSeconds()}); never counted as a sustained rate.
 */
final class Step {

    static final int ALL_OUT_WINDOW = 2000;
    static final long SURGE_QUIET = 60_000_000_000L;

    private final Session session;
    private final ThreadPoolExecutor senders;
    private Timeline timeline;

    Step(Session session, ThreadPoolExecutor senders) {
        this.session = session;
        this.senders = senders;
    }

    StepResult run(int index, String config, String target, int rate, Duration length, Duration drainMax)
            throws InterruptedException {
        return run(index, config, target, rate, length, drainMax, false);
    }

    /** {@code count} inputs dropped evenly within {@code length}; waits up to {@code drainMax} for the last dispatch. */
    StepResult surge(int index, String config, String target, int count, Duration length, Duration drainMax)
            throws InterruptedException {
        int rate = (int) Math.round(count / (length.toNanos() / 1e9));
        return run(index, config, target, rate, length, drainMax, true);
    }

    private StepResult run(int index, String config, String target, int rate, Duration length, Duration drainMax,
                           boolean surge) throws InterruptedException {
        boolean allOut = rate <= 0;
        Ledger ledger = session.ledger();
        Semaphore window = allOut ? new Semaphore(ALL_OUT_WINDOW) : null;
        long start = System.nanoTime() + 20_000_000L;
        timeline = new Timeline(start, (int) (length.plus(drainMax).toSeconds() + 2));
        ledger.startStep(index, window, timeline);
        String loadStart = ProcStats.loadavg();
        long pid = session.targetPid();
        double cpu0 = ProcStats.cpuSeconds(pid);
        double own0 = ownCpu();
        long failed0 = ledger.failedCount();
        long accepted0 = ledger.acceptedCount();
        long end = start + length.toNanos();
        long third = start + length.toNanos() / 3;
        long acc1 = -1;
        long rec1 = -1;
        double rss = 0;
        long nextSample = start;
        long period = allOut ? 0 : 1_000_000_000L / rate;
        for (long i = 0; ; i++) {
            long due = allOut ? System.nanoTime() : start + i * period;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (window != null) {
                while (!window.tryAcquire(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() >= end) {
                        break;
                    }
                }
                if (System.nanoTime() >= end) {
                    break;
                }
            }
            long now = System.nanoTime();
            if (now >= nextSample) {
                rss = Math.max(rss, ProcStats.rssMiB(pid));
                nextSample = now + 1_000_000_000L;
            }
            if (acc1 < 0 && now >= third) {
                acc1 = ledger.acceptedCount();
                rec1 = ledger.receivedCount();
            }
            long n = i;
            long intended = allOut ? now : due;
            timeline.due(intended);
            if (Traffic.blocking(n)) {
                senders.execute(() -> session.traffic().send(n, intended));
            } else {
                session.traffic().send(n, intended);
            }
        }
        long windowEnd = Math.max(end, System.nanoTime());
        long acc2 = ledger.acceptedCount();
        long rec2 = ledger.receivedCount();
        double cpu1 = ProcStats.cpuSeconds(pid);
        double own1 = ownCpu();
        double secondsOfWindow = (windowEnd - start) / 1e9;
        long outstandingAtEnd = ledger.outstanding() + senders.getQueue().size();
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + drainMax.toNanos();
        // the surge waits for its own cases: one of an earlier step the target never dispatches does not hold it up
        while (((surge ? ledger.outstanding(index) : ledger.outstanding()) > 0 || senders.getActiveCount() > 0
                || !senders.getQueue().isEmpty())
                && System.nanoTime() < drainDeadline) {
            rss = Math.max(rss, ProcStats.rssMiB(pid));
            if (surge && System.nanoTime() - Math.max(ledger.lastReceivedNanos(), end) > SURGE_QUIET) {
                break; // nothing dispatched for a minute: what is left is not coming (a case linked to another)
            }
            Thread.sleep(100);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        String loadEnd = ProcStats.loadavg();
        Histogram[] h = ledger.histograms();
        Map<String, String> bySystem = new TreeMap<>();
        ledger.bySystem().forEach((k, v) -> bySystem.put(k, String.format("n %d p50 %.1f p99 %.1f max %.1f ms",
                v.getTotalCount(), ms(v.getValueAtPercentile(50)), ms(v.getValueAtPercentile(99)), ms(v.getMaxValue()))));
        double lastTwoThirds = (windowEnd - third) / 1e9;
        acc1 = acc1 < 0 ? acc2 : acc1;
        rec1 = rec1 < 0 ? rec2 : rec1;
        double inputRate = (acc2 - acc1) / lastTwoThirds;
        double dispatchRate = (rec2 - rec1) / lastTwoThirds;
        boolean drained = ledger.outstanding() == 0;
        double clear = surge && h[0].getTotalCount() > 0 ? (ledger.lastReceivedNanos() - start) / 1e9 : -1;
        boolean sustained = !allOut && !surge && inputRate >= 0.95 * rate && dispatchRate >= 0.95 * inputRate && drained
                && h[0].getTotalCount() > 0;
        Map<String, Long> failures = new TreeMap<>();
        ledger.failures().forEach((k, v) -> failures.put(k, v.get()));
        Map<String, Long> calls = new TreeMap<>();
        session.departments().calls().forEach((k, v) -> calls.put(k, v.get()));
        calls.put("ledger-unknown-dispatch", ledger.unknownCount());
        calls.put("ledger-duplicate-dispatch", ledger.duplicateCount());
        calls.put("ledger-late-dispatch", ledger.lateCount());
        if (surge) {
            calls.put("surge-not-dispatched", ledger.outstanding(index));
        }
        return new StepResult(config, target, allOut ? "all-out" : surge ? "surge" : Integer.toString(rate), rate,
                (int) Math.round(secondsOfWindow), acc2 - accepted0, (acc2 - accepted0) / secondsOfWindow,
                allOut ? (rec2 - rec1) / lastTwoThirds : dispatchRate, h[0].getTotalCount(),
                ledger.failedCount() - failed0, outstandingAtEnd, drain, sustained,
                ms(h[0].getValueAtPercentile(50)), ms(h[0].getValueAtPercentile(90)),
                ms(h[0].getValueAtPercentile(99)), ms(h[0].getValueAtPercentile(99.9)), ms(h[0].getMaxValue()),
                ms(h[1].getValueAtPercentile(99)), ms(h[1].getMaxValue()),
                (cpu1 - cpu0) / secondsOfWindow, rss, (own1 - own0) / secondsOfWindow, loadStart, loadEnd,
                failures, calls, bySystem, clear);
    }

    /** The per-second counts of the last step run. */
    Timeline timeline() {
        return timeline;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    private static double ownCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
