package org.disputehub.hub.ops;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hub saw of one connector's routes: the last success (a poll, a message received or relayed), the last
 * failure and its error (masked), since when it has been failing without a success in between, and counts. Failing is
 * kept per route: a connector whose polling fails is failing even while its relay route succeeds.
 */
public final class ConnectorState {

    private final Instant since;
    private volatile Instant lastSuccessAt;
    private volatile Instant lastFailureAt;
    private final Map<String, Instant> failingRoutes = new HashMap<>();
    private volatile String lastError;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    ConnectorState(Instant since) {
        this.since = since;
    }

    synchronized void success(String routeId, Instant at) {
        lastSuccessAt = at;
        failingRoutes.remove(routeId);
        successes.incrementAndGet();
    }

    synchronized void failure(String routeId, Instant at, String error) {
        lastFailureAt = at;
        lastError = error;
        failingRoutes.putIfAbsent(routeId, at);
        failures.incrementAndGet();
    }

    /** When the hub started watching (the reference for "silent since" before any success). */
    public Instant since() {
        return since;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** Since when the longest-failing of its routes has failed without a success of that route, or null. */
    public synchronized Instant failingSince() {
        return failingRoutes.values().stream().min(Instant::compareTo).orElse(null);
    }

    public String lastError() {
        return lastError;
    }

    public long successes() {
        return successes.get();
    }

    public long failures() {
        return failures.get();
    }
}
