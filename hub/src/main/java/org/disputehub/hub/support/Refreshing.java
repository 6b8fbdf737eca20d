package org.disputehub.hub.support;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed from the store and reused for a while (stale while refreshing): a reader gets the last answer at
 * once, and when that answer is older than its time to live, one computation of its successor starts on the
 * refresher; a failed one leaves the last answer in place and is tried again on the next read. Timed on a monotonic
 * clock ({@code System::nanoTime}), not the hub's. Shared by the KPI gauges and the cockpit's answers.
 *
 * @param <T> the value
 */
public final class Refreshing<T> {

    private record Computed<T>(T value, long atNanos) {
    }

    private final Supplier<T> compute;
    private final long ttlNanos;
    private final Executor refresher;
    private final LongSupplier nanos;
    private final Consumer<RuntimeException> failed;
    private final AtomicReference<Computed<T>> last = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /** {@code failed}: told of a background computation that threw (the last answer stays). */
    public Refreshing(Supplier<T> compute, Duration ttl, Executor refresher, LongSupplier nanos,
                      Consumer<RuntimeException> failed) {
        this.compute = compute;
        this.ttlNanos = ttl.toNanos();
        this.refresher = refresher;
        this.nanos = nanos;
        this.failed = failed;
    }

    /** The last answer, null before the first; starts the next computation when there is none or it is stale. */
    public T current() {
        Computed<T> c = last.get();
        if ((c == null || stale(c)) && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    try {
                        refreshNow();
                    } catch (RuntimeException e) {
                        failed.accept(e);
                    } finally {
                        refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                refreshing.set(false);
            }
        }
        return c == null ? null : c.value();
    }

    /** As {@link #current()}, but the first answer is computed in the caller (and its failure thrown to it). */
    public T get() {
        return last.get() == null ? refreshNow() : current();
    }

    /** Computes the answer now, in the caller. */
    public T refreshNow() {
        T value = compute.get();
        last.set(new Computed<>(value, nanos.getAsLong()));
        return value;
    }

    /** Whether the last answer is older than the time to live (true before the first). */
    public boolean stale() {
        Computed<T> c = last.get();
        return c == null || stale(c);
    }

    private boolean stale(Computed<T> c) {
        return nanos.getAsLong() - c.atNanos() >= ttlNanos;
    }
}
