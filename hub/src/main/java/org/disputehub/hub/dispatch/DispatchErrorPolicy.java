package org.disputehub.hub.dispatch;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.disputehub.canonical.connector.RetryAfter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shared error policy with the department-dispatch retry window: temporary failures are retried with
 * exponential back-off for {@code hub.dispatch.retry-for} (contract default 24 h), then parked. A department that
 * answers {@code 429} or {@code 503} with {@code Retry-After} (seconds or an HTTP-date) is tried again no earlier
 * than it asked, at most {@code hub.dispatch.max-retry-after} later (default 60 s, as the ODR connector's cap), and
 * never earlier than the back-off would have waited anyway — so a department asking for short waits does not use
 * the retry window up faster.
 */
@Component
public class DispatchErrorPolicy extends HubErrorPolicy {

    public static final String ID = "dispatch-error-policy";

    private final long delay;
    private final long maxDelay;
    private final Duration maxRetryAfter;
    private final Clock clock;

    public DispatchErrorPolicy(@Value("${hub.dispatch.retry-for:PT24H}") Duration retryFor,
                               @Value("${hub.dispatch.redelivery-delay:1000}") long delay,
                               @Value("${hub.dispatch.maximum-redelivery-delay:300000}") long maxDelay,
                               @Value("${hub.dispatch.max-retry-after:PT60S}") Duration maxRetryAfter, Clock clock) {
        super(ID, redeliveriesFor(retryFor, delay, maxDelay), delay, 2.0, maxDelay);
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("hub.dispatch.max-retry-after must not be negative: " + maxRetryAfter);
        }
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
    }

    /**
     * For a temporary failure whose reply carries {@code Retry-After}: sets the wait before the next attempt and
     * returns it in words for the failure message; without a readable header, the back-off applies and "" is returned.
     */
    String honourRetryAfter(HttpResponse<?> reply, Exchange exchange) {
        return honourRetryAfter(reply.headers().firstValue(RetryAfter.HEADER).orElse(null), exchange);
    }

    String honourRetryAfter(String header, Exchange exchange) {
        Optional<Duration> asked = header == null ? Optional.empty() : RetryAfter.parse(header, clock);
        if (asked.isEmpty()) {
            return "";
        }
        Duration capped = asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
        int next = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
        Duration backOff = Duration.ofMillis(backOffBefore(next));
        return RetryAfter.delayNextAttempt(exchange, asked.get(), capped.compareTo(backOff) > 0 ? capped : backOff);
    }

    /** The policy's own wait before redelivery {@code n} (1, 2, …): the delay doubled each time, capped. */
    long backOffBefore(int n) {
        long wait = Math.max(0, delay);
        for (int i = 1; i < n && wait > 0 && wait < maxDelay; i++) {
            wait = wait * 2;
        }
        return Math.min(wait, maxDelay);
    }

    /** How many attempts with doubling delays (capped at maxDelay) fill the retry window. */
    static int redeliveriesFor(Duration window, long delay, long maxDelay) {
        long total = 0;
        long next = Math.max(1, delay);
        int n = 0;
        while (total < window.toMillis() && n < 100_000) {
            total += next;
            next = Math.min(next * 2, maxDelay);
            n++;
        }
        return n;
    }
}
