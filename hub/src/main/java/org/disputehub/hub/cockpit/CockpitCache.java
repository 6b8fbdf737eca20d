package org.disputehub.hub.cockpit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Answers reused for a while, so that many open cockpits cost the store no more than one, and a refresh never waits
 * for the store once an answer exists: an answer older than its time to live is still served while one background
 * thread computes its successor (stale while refreshing). Only the first request for a key computes in the caller.
 * A time to live of zero computes every request. Timed on the JVM's monotonic clock, not the hub's.
 */
@Component
class CockpitCache implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("hub.cockpit");

    private record Entry(Object value, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cockpit-refresh");
        t.setDaemon(true);
        return t;
    });

    @SuppressWarnings("unchecked")
    <T> T get(String key, Duration ttl, Supplier<T> compute) {
        if (ttl.isZero() || ttl.isNegative()) {
            return compute.get();
        }
        Entry e = entries.get(key);
        if (e == null) {
            return put(key, ttl, compute);
        }
        if (System.nanoTime() - e.expiresAtNanos() >= 0 && refreshing.add(key)) {
            refresher.execute(() -> {
                try {
                    put(key, ttl, compute);
                } catch (RuntimeException ex) {
                    LOG.warn("cockpit: refreshing {} failed, the previous answer stays: {}", key, ex.toString());
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return (T) e.value();
    }

    private <T> T put(String key, Duration ttl, Supplier<T> compute) {
        T value = compute.get();
        long now = System.nanoTime();
        entries.put(key, new Entry(value, now + ttl.toNanos()));
        if (entries.size() > 1000) {
            entries.values().removeIf(old -> now - old.expiresAtNanos() >= 0);
        }
        return value;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
