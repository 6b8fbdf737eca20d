package org.disputehub.hub.ops;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hub saw of one connector's routes: the last success (a poll, a message received or relayed), the last
 * failure and its error (masked), since when it has been failing without a success in between, and counts.
 */
public final class ConnectorState {

    private final Instant since;
    private volatile Instant lastSuccessAt;
    private volatile Instant lastFailureAt;
    private volatile Instant failingSince;
    private volatile String lastError;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    ConnectorState(Instant since) {
        this.since = since;
    }

    synchronized void success(Instant at) {
        lastSuccessAt = at;
        failingSince = null;
        successes.incrementAndGet();
    }

    synchronized void failure(Instant at, String error) {
        lastFailureAt = at;
        lastError = error;
        if (failingSince == null) {
            failingSince = at;
        }
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

    public Instant failingSince() {
        return failingSince;
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
