package org.disputehub.connector.hotline12345;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a health check needs to know about the poller: when it last completed a cycle, the last error,
 * and whether it is backing off (after 4290 or 4001) and until when. Thread-safe.
 */
public class Hotline12345PollState {

    private static final int MAX_DOUBLINGS = 6;

    private Instant lastSuccess;
    private Instant lastErrorAt;
    private String lastError;
    private Instant pausedUntil;
    private int consecutiveBackoffs;

    public synchronized Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public synchronized Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public synchronized Optional<Instant> pausedUntil() {
        return Optional.ofNullable(pausedUntil);
    }

    /** True when the last cycle succeeded (or none has failed yet) and no back-off is in force. */
    public synchronized boolean healthy() {
        return pausedUntil == null && (lastErrorAt == null || lastSuccess != null && lastSuccess.isAfter(lastErrorAt));
    }

    synchronized boolean pausedAt(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    synchronized void succeeded(Instant at) {
        lastSuccess = at;
        pausedUntil = null;
        consecutiveBackoffs = 0;
    }

    synchronized void failed(Instant at, String error) {
        lastErrorAt = at;
        lastError = error;
    }

    /** Records the error and pauses polling for {@code base}, doubled for each back-off in a row (at most 64×). */
    synchronized Duration backOff(Instant at, String error, Duration base) {
        failed(at, error);
        Duration pause = base.multipliedBy(1L << Math.min(consecutiveBackoffs, MAX_DOUBLINGS));
        consecutiveBackoffs++;
        pausedUntil = at.plus(pause);
        return pause;
    }

    /** Forgets everything (an administrator resuming a paused connector; tests). */
    public synchronized void reset() {
        lastSuccess = null;
        lastErrorAt = null;
        lastError = null;
        pausedUntil = null;
        consecutiveBackoffs = 0;
    }
}
