package org.disputehub.connector.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 client-credentials token ({@code POST {base}/oauth/token}), cached and renewed before it expires,
 * with at most one renewal in flight however many threads need a token:
 * <ul>
 *   <li>fresh: returned at once;</li>
 *   <li>due (within the renew margin, still valid): one thread renews, the others keep using the valid token;</li>
 *   <li>expired or none: one thread fetches, the others wait for it and take its token;</li>
 *   <li>rejected by the platform (401): {@link #renewAfterRejection} renews once, unless another thread already has.</li>
 * </ul>
 * The margin is at most half the token's lifetime. Token values are never logged.
 */
public class OdrTokenProvider {

    static final String TOKEN_PATH = "/oauth/token";
    static final long DEFAULT_LIFETIME_SECONDS = 300;
    private static final Logger log = LoggerFactory.getLogger(OdrTokenProvider.class);

    private record Token(String value, Instant renewAt, Instant expiresAt) {
    }

    private final HttpClient http;
    private final URI uri;
    private final String form;
    private final Duration margin;
    private final Duration timeout;
    private final Clock clock;
    private final ConnectorMetrics metrics;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Token current;

    public OdrTokenProvider(HttpClient http, OdrProperties properties, ConnectorMetrics metrics, Clock clock) {
        this.http = http;
        this.uri = URI.create(properties.getBaseUrl().replaceAll("/+$", "") + TOKEN_PATH);
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(properties.getClientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(properties.getClientSecret(), StandardCharsets.UTF_8);
        this.margin = properties.getTokenRenewMargin();
        this.timeout = properties.getTimeout();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A valid bearer token. */
    public String token() {
        Token seen = current;
        Instant now = clock.instant();
        if (seen != null && now.isBefore(seen.renewAt())) {
            return seen.value();
        }
        if (seen != null && now.isBefore(seen.expiresAt())) {
            if (!renewing.tryLock()) {
                return seen.value(); // someone is renewing; this one is still good
            }
            try {
                if (current == seen) {
                    try {
                        current = fetch();
                    } catch (RuntimeException e) {
                        log.warn("odr token renewal failed, the current token is used until it expires: {}", e.getMessage());
                        return seen.value();
                    }
                }
                return current.value();
            } finally {
                renewing.unlock();
            }
        }
        renewing.lock();
        try {
            Token now2 = current;
            if (now2 != seen && now2 != null && clock.instant().isBefore(now2.expiresAt())) {
                return now2.value(); // fetched by the thread we waited for
            }
            current = fetch();
            return current.value();
        } finally {
            renewing.unlock();
        }
    }

    /** A token other than the one the platform rejected: renewed once, or the one another thread renewed meanwhile. */
    public String renewAfterRejection(String rejected) {
        renewing.lock();
        try {
            Token t = current;
            if (t != null && !t.value().equals(rejected) && clock.instant().isBefore(t.expiresAt())) {
                return t.value();
            }
            current = fetch();
            return current.value();
        } finally {
            renewing.unlock();
        }
    }

    private Token fetch() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", Odr.JSON)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            metrics.tokenRenewal(false);
            throw new TemporaryFailureException("odr token: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("odr token: interrupted", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            metrics.tokenRenewal(false);
            String what = "odr token: HTTP " + status + " from " + TOKEN_PATH;
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new PermanentFailureException(what + " (client credentials rejected; check hub.connectors.odr.client-id/-secret)");
            }
            throw new TemporaryFailureException(what);
        }
        JsonNode reply;
        try {
            reply = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            metrics.tokenRenewal(false);
            throw new TemporaryFailureException("odr token: reply is not JSON", e);
        }
        String value = reply == null ? "" : reply.path("access_token").asText("");
        String type = reply == null ? "" : reply.path("token_type").asText("Bearer");
        if (value.isBlank() || !type.equalsIgnoreCase("Bearer")) {
            metrics.tokenRenewal(false);
            throw new TemporaryFailureException("odr token: reply has no Bearer access_token");
        }
        long lifetime = reply.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS);
        lifetime = lifetime > 0 ? lifetime : DEFAULT_LIFETIME_SECONDS;
        long early = Math.min(margin.toSeconds(), lifetime / 2);
        Instant now = clock.instant();
        metrics.tokenRenewal(true);
        log.info("odr token obtained, valid for {} s, renewed after {} s", lifetime, lifetime - early);
        return new Token(value, now.plusSeconds(lifetime - early), now.plusSeconds(lifetime));
    }
}
