package org.disputehub.hub.cockpit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Answers reused for a short time, so that many open cockpits cost the store no more than one. Timed on the JVM's
 * monotonic clock (not the hub's, which tests may stop).
 */
@Component
class CockpitCache {

    private record Entry(Object value, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(String key, Duration ttl, Supplier<T> compute) {
        if (ttl.isZero() || ttl.isNegative()) {
            return compute.get();
        }
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return (T) e.value();
        }
        T value = compute.get();
        entries.put(key, new Entry(value, now + ttl.toNanos()));
        if (entries.size() > 1000) {
            entries.values().removeIf(old -> now - old.expiresAtNanos() >= 0);
        }
        return value;
    }
}
