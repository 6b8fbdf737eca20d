package org.disputehub.connector.petition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers the signatures of verified pushes for twice the timestamp window (older ones are refused as
 * stale anyway), so that a request sent again with the same headers is known as a replay. In memory, at most
 * {@value #MAX_REMEMBERED} signatures (the oldest are forgotten first); with a database, also in {@code inbound_replay}
 * (SHA-256 of the signature), which every hub instance shares: a replay sent to another instance is known there too.
 */
final class ReplayGuard {

    static final int MAX_REMEMBERED = 100_000;

    private final Clock clock;
    private final long keepMillis;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>(1024);
    private final JdbcTemplate shared;
    private volatile long nextPurge;

    ReplayGuard(Duration window, Clock clock) {
        this(window, clock, null);
    }

    /** With {@code shared} (nullable), the signatures are also recorded in the database every instance uses. */
    ReplayGuard(Duration window, Clock clock, JdbcTemplate shared) {
        this.clock = clock;
        this.keepMillis = window.multipliedBy(2).toMillis();
        this.shared = shared;
    }

    /** Records a verified signature; true when it was seen before, here or by another instance (a replay). */
    boolean replayed(String signature) {
        if (remembered(signature)) {
            return true;
        }
        if (shared == null) {
            return false;
        }
        long now = clock.millis();
        if (now >= nextPurge) {
            nextPurge = now + 60_000;
            shared.update("DELETE FROM inbound_replay WHERE expires_at < ?", new Timestamp(now));
        }
        try {
            shared.update("INSERT INTO inbound_replay (system, signature, expires_at) VALUES ('PETITION', ?, ?)",
                    sha256(signature), Timestamp.from(Instant.ofEpochMilli(now + keepMillis)));
            return false;
        } catch (DuplicateKeyException e) {
            return true;
        }
    }

    private static String sha256(String signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized boolean remembered(String signature) {
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
