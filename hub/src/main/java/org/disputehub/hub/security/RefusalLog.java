package org.disputehub.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one WARN line per (user, MBean, operation) within a window, however often the console repeats the
 * request (Hawtio polls every few seconds); the next line after the window says how many were not logged.
 */
class RefusalLog {

    private static final Logger LOG = LoggerFactory.getLogger("hub.security");
    private static final int MAX_KEYS = 10_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();

    RefusalLog(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Records a refusal of {@code action} on {@code target} for {@code user}; logs it unless it is a repeat. */
    void refused(String user, String target, String action) {
        Instant now = clock.instant();
        String key = user + '\u0000' + target + '\u0000' + action;
        Entry before = seen.get(key);
        if (before != null && before.loggedAt.plus(window).isAfter(now)) {
            before.repeats.incrementAndGet();
            return;
        }
        if (seen.size() >= MAX_KEYS) {
            seen.values().removeIf(e -> !e.loggedAt.plus(window).isAfter(now));
        }
        seen.put(key, new Entry(now));
        String repeats = before == null || before.repeats.get() == 0 ? ""
                : " (" + before.repeats.get() + " more since the last line)";
        LOG.warn("console: refused {} on {} for {}: only ADMIN may{}; the same refusal is not logged again for {}",
                action, target, user, repeats, window.toString().substring(2).toLowerCase());
    }

    private static final class Entry {
        final Instant loggedAt;
        final AtomicInteger repeats = new AtomicInteger();

        Entry(Instant loggedAt) {
            this.loggedAt = loggedAt;
        }
    }
}
