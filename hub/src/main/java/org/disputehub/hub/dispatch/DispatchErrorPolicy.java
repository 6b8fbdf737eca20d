package org.disputehub.hub.dispatch;

import java.time.Duration;
import org.disputehub.canonical.connector.HubErrorPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shared error policy with the department-dispatch retry window: temporary failures are retried with
 * exponential back-off for {@code hub.dispatch.retry-for} (contract default 24 h), then parked.
 */
@Component
public class DispatchErrorPolicy extends HubErrorPolicy {

    public static final String ID = "dispatch-error-policy";

    public DispatchErrorPolicy(@Value("${hub.dispatch.retry-for:PT24H}") Duration retryFor,
                               @Value("${hub.dispatch.redelivery-delay:1000}") long delay,
                               @Value("${hub.dispatch.maximum-redelivery-delay:300000}") long maxDelay) {
        super(ID, redeliveriesFor(retryFor, delay, maxDelay), delay, 2.0, maxDelay);
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
