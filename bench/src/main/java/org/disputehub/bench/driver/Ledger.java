package org.disputehub.bench.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What was sent and what the departments received. Each case is entered under its source id when the hub
 * accepted it ({@link #accepted}); its latency is recorded when a department receives its dispatch
 * ({@link #dispatched}): from the acceptance (the measure) and from the intended send time (which also counts
 * any delay of the driver or of the hub in accepting, so a slow hub cannot hide behind coordinated omission).
 */
final class Ledger {

    private record Entry(int step, String system, long intendedNanos, long acceptedNanos) {
    }

    private final Map<String, Entry> open = new ConcurrentHashMap<>();
    /** Ids handed to a poll or batch interface whose acceptance time is not known yet, with their intended time. */
    private final Map<String, long[]> pending = new ConcurrentHashMap<>();
    private final Map<String, String> pendingSystem = new ConcurrentHashMap<>();
    private volatile Map<String, Recorder> bySystem = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long lastReceivedNanos;
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private volatile int step;
    private volatile Recorder fromAccepted = new Recorder(3);
    private volatile Recorder fromIntended = new Recorder(3);
    private volatile Semaphore window;
    private volatile Timeline timeline = new Timeline(System.nanoTime(), 1);
    private final Map<String, Boolean> done = new ConcurrentHashMap<>();
    /** Dispatches that arrived before the driver had seen the acceptance (a fast target): latency 0, matched later. */
    private final Map<String, Long> early = new ConcurrentHashMap<>();

    /**
     * Starts a new step: new histograms; {@code window} (may be null) bounds the cases in flight (all-out);
     * {@code timeline} counts the step's dispatches and failures per second.
     */
    void startStep(int step, Semaphore window, Timeline timeline) {
        this.step = step;
        this.window = window;
        this.timeline = timeline;
        fromAccepted = new Recorder(3);
        fromIntended = new Recorder(3);
        bySystem = new ConcurrentHashMap<>();
        lastReceivedNanos = 0;
    }

    int step() {
        return step;
    }

    void pending(String id, String system, long intendedNanos) {
        pendingSystem.put(id, system);
        pending.put(id, new long[] {intendedNanos, step});
    }

    /** A pending id was handed over (the poll answered, the batch marker written). */
    void handedOver(String id, long nanos) {
        long[] p = pending.remove(id);
        if (p != null) {
            open.put(id, new Entry((int) p[1], pendingSystem.remove(id), p[0], nanos));
            accepted.incrementAndGet();
            Long at = early.remove(id);
            if (at != null) {
                dispatched(id, Math.max(at, nanos));
            }
        }
    }

    void accepted(String id, String system, long intendedNanos, long acceptedNanos) {
        open.put(id, new Entry(step, system, intendedNanos, acceptedNanos));
        accepted.incrementAndGet();
        Long at = early.remove(id);
        if (at != null) {
            dispatched(id, Math.max(at, acceptedNanos));
        }
    }

    void failed(String what) {
        failed.incrementAndGet();
        failures.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        timeline.failed(System.nanoTime());
        Semaphore w = window;
        if (w != null) {
            w.release();
        }
    }

    void dispatched(String id, long nanos) {
        Entry e = open.remove(id);
        if (e == null) {
            if (done.containsKey(id)) {
                duplicates.incrementAndGet();
            } else if (early.putIfAbsent(id, nanos) != null) {
                unknown.incrementAndGet();
            } else if (open.containsKey(id) && early.remove(id) != null) {
                dispatched(id, nanos); // the acceptance was registered meanwhile
            }
            return;
        }
        done.put(id, Boolean.TRUE);
        received.incrementAndGet();
        Semaphore w = window;
        if (w != null) {
            w.release();
        }
        if (e.step() != step) {
            late.incrementAndGet();
            return;
        }
        timeline.done(nanos);
        lastReceivedNanos = Math.max(lastReceivedNanos, nanos);
        fromAccepted.recordValue(Math.max(0, (nanos - e.acceptedNanos()) / 1000));
        bySystem.computeIfAbsent(e.system(), k -> new Recorder(3)).recordValue(Math.max(0, (nanos - e.acceptedNanos()) / 1000));
        fromIntended.recordValue(Math.max(0, (nanos - e.intendedNanos()) / 1000));
    }

    /** Of {@link #outstanding()}, those entered in {@code step}. */
    long outstanding(int step) {
        return open.values().stream().filter(e -> e.step() == step).count()
                + pending.values().stream().filter(p -> p[1] == step).count();
    }

    /** Cases accepted (or handed over) and not yet dispatched, plus those not yet handed over. */
    long outstanding() {
        return open.size() + pending.size();
    }

    /** When a department last received a dispatch of a case entered in the current step (System.nanoTime). */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    long acceptedCount() {
        return accepted.get();
    }

    long receivedCount() {
        return received.get();
    }

    long failedCount() {
        return failed.get();
    }

    Map<String, AtomicLong> failures() {
        return failures;
    }

    long lateCount() {
        return late.get();
    }

    /** Dispatches of ids never (or not yet) seen accepted. */
    long unknownCount() {
        return unknown.get() + early.size();
    }

    long duplicateCount() {
        return duplicates.get();
    }

    /** Per input system: the latencies from acceptance recorded since the step started (microseconds). */
    Map<String, Histogram> bySystem() {
        Map<String, Histogram> out = new java.util.TreeMap<>();
        bySystem.forEach((k, v) -> out.put(k, v.getIntervalHistogram()));
        return out;
    }

    /** The latencies (microseconds) recorded since the step started: from acceptance, from the intended time. */
    Histogram[] histograms() {
        return new Histogram[] {fromAccepted.getIntervalHistogram(), fromIntended.getIntervalHistogram()};
    }
}
