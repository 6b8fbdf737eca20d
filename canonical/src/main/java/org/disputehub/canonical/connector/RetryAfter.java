package org.disputehub.canonical.connector;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * A {@code Retry-After} answer (RFC 9110 §10.2.3: delay in seconds, or an HTTP-date) turned into the wait before the
 * next attempt. The wait is handed to the error policy as Camel's {@link Exchange#REDELIVERY_DELAY} header, which
 * the redelivery uses instead of its own back-off; {@link #clear} before each attempt keeps a wait asked for by one
 * reply from applying to a later failure.
 */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    /** The delay the reply asks for: empty when it has no (readable) header; a date in the past is zero. */
    public static Optional<Duration> of(HttpResponse<?> reply, Clock clock) {
        return reply.headers().firstValue(HEADER).flatMap(value -> parse(value, clock));
    }

    /** {@code "120"} → 120 s; {@code "Wed, 02 Dec 2026 21:00:00 GMT"} → the time until then (never negative). */
    public static Optional<Duration> parse(String header, Clock clock) {
        String value = header == null ? "" : header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes the next redelivery wait {@code wait} (the caller has applied its cap and floor) and says so in words
     * for the failure message, e.g. {@code " (Retry-After 2 s, next attempt in 2000 ms)"}.
     */
    public static String delayNextAttempt(Exchange exchange, Duration asked, Duration wait) {
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        return " (Retry-After " + asked.toSeconds() + " s, next attempt in " + wait.toMillis() + " ms)";
    }

    /** Called before each attempt. */
    public static void clear(Exchange exchange) {
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
    }
}
