package org.disputehub.bench.driver;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per second of a step (from its start): the inputs due (intended send time), the dispatches the departments
 * received of the step's cases, and the inputs refused or failed — the curve the warm-up is read from.
 */
final class Timeline {

    private final long origin;
    private final AtomicLongArray due;
    private final AtomicLongArray done;
    private final AtomicLongArray failed;

    Timeline(long originNanos, int seconds) {
        this.origin = originNanos;
        this.due = new AtomicLongArray(seconds);
        this.done = new AtomicLongArray(seconds);
        this.failed = new AtomicLongArray(seconds);
    }

    /** The step's start (System.nanoTime): second 0 begins here. */
    long origin() {
        return origin;
    }

    void due(long nanos) {
        add(due, nanos);
    }

    void done(long nanos) {
        add(done, nanos);
    }

    void failed(long nanos) {
        add(failed, nanos);
    }

    long[] due() {
        return copy(due);
    }

    long[] done() {
        return copy(done);
    }

    long[] failed() {
        return copy(failed);
    }

    private void add(AtomicLongArray a, long nanos) {
        int s = (int) Math.max(0, (nanos - origin) / 1_000_000_000L);
        a.incrementAndGet(Math.min(s, a.length() - 1));
    }

    private static long[] copy(AtomicLongArray a) {
        long[] c = new long[a.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = a.get(i);
        }
        return c;
    }
}
