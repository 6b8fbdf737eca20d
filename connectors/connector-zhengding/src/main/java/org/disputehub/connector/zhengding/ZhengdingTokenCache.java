package org.disputehub.connector.zhengding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.connector.zhengding.ZhengdingClient.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access token of the app, cached and renewed {@code token-renew-margin} before it expires. However
 * many threads need a token at once, at most one renewal is in flight: the others wait for its outcome (and
 * share its failure), or keep using the current token while it is still valid. A token the platform rejected
 * (40014/42001) is dropped through {@link #rejected(String)}, once, whoever notices first.
 */
public class ZhengdingTokenCache {

    private static final Logger log = LoggerFactory.getLogger(ZhengdingTokenCache.class);

    private final Supplier<AccessToken> fetcher;
    private final Duration margin;
    private final Clock clock;
    private final ConnectorMetrics metrics;
    private volatile Cached current;
    private CompletableFuture<Cached> renewal; // guarded by this

    public ZhengdingTokenCache(Supplier<AccessToken> fetcher, Duration margin, Clock clock, ConnectorMetrics metrics) {
        this.fetcher = fetcher;
        this.margin = margin;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A token good for a call now, renewing it first if it is due. */
    public String token() {
        Cached c = current;
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.renewAt())) {
            return c.value();
        }
        CompletableFuture<Cached> mine = null;
        CompletableFuture<Cached> pending;
        synchronized (this) {
            c = current;
            if (c != null && now.isBefore(c.renewAt())) {
                return c.value();
            }
            if (renewal == null) {
                renewal = mine = new CompletableFuture<>();
            } else if (c != null && now.isBefore(c.expiresAt())) {
                return c.value(); // someone is renewing early; the current token is still good meanwhile
            }
            pending = renewal;
        }
        if (mine != null) {
            renew(mine);
        }
        try {
            return pending.join().value();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The platform said this token is invalid or expired: forget it (if it is still the current one). */
    public void rejected(String token) {
        synchronized (this) {
            Cached c = current;
            if (c != null && c.value().equals(token)) {
                current = null;
                log.info("zhengding access token rejected by the platform; it will be renewed");
            }
        }
    }

    /** Drops the cached token, so that the next call fetches one (tests, and an operator after rotating the secret). */
    public synchronized void forget() {
        current = null;
    }

    private void renew(CompletableFuture<Cached> mine) {
        try {
            Instant fetchedAt = clock.instant();
            AccessToken t = fetcher.get();
            Duration life = Duration.ofSeconds(t.expiresInSeconds());
            Duration early = margin.compareTo(life) < 0 ? margin : life.dividedBy(2);
            Cached fresh = new Cached(t.value(), fetchedAt.plus(life).minus(early), fetchedAt.plus(life));
            synchronized (this) {
                current = fresh;
                renewal = null;
            }
            metrics.tokenRenewal(true);
            log.info("zhengding access token renewed, valid for {}", life);
            mine.complete(fresh);
        } catch (RuntimeException e) {
            synchronized (this) {
                renewal = null;
            }
            metrics.tokenRenewal(false);
            log.error("ALERT zhengding access token could not be renewed (check app-key, app-secret, base-url): {}",
                    e.getMessage());
            mine.completeExceptionally(e);
        }
    }

    private record Cached(String value, Instant renewAt, Instant expiresAt) {
    }
}
