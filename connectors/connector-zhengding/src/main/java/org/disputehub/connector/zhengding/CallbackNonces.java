package org.disputehub.connector.zhengding;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The callbacks already taken, so that a captured callback sent again (same timestamp, nonce and signature) is
 * refused instead of being answered and acted on twice. A callback is remembered until its timestamp leaves the
 * window (from then on the timestamp check refuses it anyway), at most {@value #MAX_REMEMBERED} at a time: when
 * full, the entries closest to expiry are forgotten first. In memory, per instance.
 */
public final class CallbackNonces {

    static final int MAX_REMEMBERED = 100_000;

    private final Clock clock;
    private final long windowMillis;
    private final int capacity;
    private final Map<String, Long> expiries = new HashMap<>();

    public CallbackNonces(Duration window, Clock clock) {
        this(window, clock, MAX_REMEMBERED);
    }

    CallbackNonces(Duration window, Clock clock, int capacity) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.capacity = capacity;
    }

    /** Records a verified callback; false when the same one was taken before (a replay). */
    public synchronized boolean firstUse(long timestamp, String nonce, String signature) {
        String key = key(timestamp, nonce, signature);
        long now = clock.millis();
        Long expiry = expiries.get(key);
        if (expiry != null && expiry >= now) {
            return false;
        }
        if (expiries.size() >= capacity) {
            expiries.values().removeIf(e -> e < now);
            while (expiries.size() >= capacity) {
                forgetSoonestExpiring();
            }
        }
        expiries.put(key, timestamp + windowMillis);
        return true;
    }

    /** Forgets a callback whose handling failed unexpectedly, so that the platform's identical retry is taken. */
    public synchronized void release(long timestamp, String nonce, String signature) {
        expiries.remove(key(timestamp, nonce, signature));
    }

    /** Forgets every callback (tests with a fixed clock). */
    public synchronized void forget() {
        expiries.clear();
    }

    synchronized int size() {
        return expiries.size();
    }

    private void forgetSoonestExpiring() {
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        Map.Entry<String, Long> soonest = it.next();
        while (it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() < soonest.getValue()) {
                soonest = e;
            }
        }
        expiries.remove(soonest.getKey());
    }

    private static String key(long timestamp, String nonce, String signature) {
        return timestamp + "\n" + nonce + "\n" + signature;
    }
}
