package org.disputehub.hub.cockpit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.disputehub.hub.support.Refreshing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Answers reused for a while, so that many open cockpits cost the store no more than one, and a refresh never waits
 * for the store once an answer exists: an answer older than its time to live is still served while one background
 * thread computes its successor (stale while refreshing). Only the first request for a key and time to live computes
 * in the caller.
 * A time to live of zero computes every request. Timed on the JVM's monotonic clock, not the hub's.
 */
@Component
class CockpitCache implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("hub.cockpit");
    private static final int MAX_KEYS = 1000;

    private final Map<String, Refreshing<?>> entries = new ConcurrentHashMap<>();
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
        if (entries.size() > MAX_KEYS) {
            entries.values().removeIf(Refreshing::stale);
        }
        // an answer is kept per key and time to live: a day's KPIs, read with today's short one until midnight and
        // with the past days' long one after it, are computed once more then — over the whole day
        return (T) entries.computeIfAbsent(key + "@" + ttl, k -> new Refreshing<>(compute, ttl, refresher,
                System::nanoTime, e -> LOG.warn("cockpit: refreshing {} failed, the previous answer stays: {}", key,
                        e.toString()))).get();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
