package org.disputehub.connector.odr;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.RetryAfter;
import org.disputehub.canonical.connector.TemporaryFailureException;

/**
 * Classifies an unsuccessful platform reply for the hub error policy. 429 honours {@code Retry-After} (seconds
 * or an HTTP date), cut to {@code max-retry-after}: the delay is put on the exchange as Camel's
 * {@link Exchange#REDELIVERY_DELAY} header, which the error handler uses for the next attempt instead of its
 * own back-off, and the failure is temporary. So the consumer waits once, for as long as the platform asked,
 * under the same bounded redelivery count as any temporary failure, and a platform that keeps answering 429
 * ends parked. 408 and 5xx are temporary; 401 after a renewed token and every other 4xx are permanent.
 */
public class OdrReplies {

    private final Duration maxRetryAfter;
    private final Clock clock;

    public OdrReplies(Duration maxRetryAfter, Clock clock) {
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    /** Called before each attempt: a delay asked for by an earlier 429 does not apply to later failures. */
    public static void clearDelay(Exchange exchange) {
        RetryAfter.clear(exchange);
    }

    public RuntimeException failure(HttpResponse<String> reply, String what, Exchange exchange) {
        int status = reply.statusCode();
        String message = what + ": HTTP " + status + abbreviate(reply.body());
        if (status == 429) {
            Optional<Duration> asked = RetryAfter.of(reply, clock);
            if (asked.isPresent()) {
                Duration wait = asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
                return new TemporaryFailureException(message + RetryAfter.delayNextAttempt(exchange, asked.get(), wait));
            }
            return new TemporaryFailureException(message);
        }
        if (status == 408 || status >= 500) {
            return new TemporaryFailureException(message);
        }
        if (status == 401) {
            return new PermanentFailureException(message + " even with a renewed token (check hub.connectors.odr.client-id/-secret)");
        }
        return new PermanentFailureException(message);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = Masking.text(body.strip());
        return " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }
}
