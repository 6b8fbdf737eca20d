package org.disputehub.connector.petition;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures of verified pushes for twice the timestamp window (older ones are refused as
 * stale anyway), so that a request sent again with the same headers is known as a replay. In memory, per
 * instance, at most {@value #MAX_REMEMBERED} signatures (the oldest are forgotten first).
 */
final class ReplayGuard {

    static final int MAX_REMEMBERED = 100_000;

    private final Clock clock;
    private final long keepMillis;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>(1024);

    ReplayGuard(Duration window, Clock clock) {
        this.clock = clock;
        this.keepMillis = window.multipliedBy(2).toMillis();
    }

    /** Records a verified signature; true when it was seen before (the request is a replay). */
    synchronized boolean replayed(String signature) {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() > now) {
                break; // insertion order is expiry order
            }
            it.remove();
        }
        if (seen.containsKey(signature)) {
            return true;
        }
        seen.put(signature, now + keepMillis);
        if (seen.size() > MAX_REMEMBERED) {
            Iterator<String> eldest = seen.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return false;
    }
}
