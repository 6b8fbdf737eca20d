package org.disputehub.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The wait before the next attempt at a department that answered with Retry-After: as asked, cut to
 * max-retry-after, never shorter than the back-off the attempt would have had (so short waits do not use up the
 * retry window faster).
 */
class DispatchErrorPolicyTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);
    // the production defaults: 1 s doubling to 5 min, for 24 h; Retry-After honoured up to 60 s
    final DispatchErrorPolicy policy = new DispatchErrorPolicy(Duration.ofHours(24), 1000, 300_000, Duration.ofSeconds(60), NOW);

    @Test
    void theBackOffDoublesFromTheDelayToItsCap() {
        assertThat(policy.backOffBefore(1)).isEqualTo(1000);
        assertThat(policy.backOffBefore(2)).isEqualTo(2000);
        assertThat(policy.backOffBefore(9)).isEqualTo(256_000);
        assertThat(policy.backOffBefore(10)).isEqualTo(300_000);
        assertThat(policy.backOffBefore(400)).isEqualTo(300_000);
    }

    @Test
    void theDepartmentsWaitIsKeptCutToTheCapAndNeverBelowTheBackOff() {
        assertThat(wait("2", 0)).as("first retry: asked 2 s, back-off 1 s").isEqualTo(2000);
        assertThat(wait("Sun, 22 Nov 2026 01:30:30 GMT", 0)).as("an HTTP-date 30 s ahead").isEqualTo(30_000);
        assertThat(wait("3600", 0)).as("cut to max-retry-after").isEqualTo(60_000);
        assertThat(wait("2", 7)).as("8th retry: the back-off is 128 s").isEqualTo(128_000);
        assertThat(wait("3600", 12)).as("late retries keep the 5 min back-off").isEqualTo(300_000);
    }

    @Test
    void withoutAReadableHeaderTheBackOffApplies() {
        Exchange exchange = exchange(0);
        assertThat(policy.honourRetryAfter((String) null, exchange)).isEmpty();
        assertThat(policy.honourRetryAfter("later", exchange)).isEmpty();
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }

    private long wait(String header, int redeliveriesSoFar) {
        Exchange exchange = exchange(redeliveriesSoFar);
        assertThat(policy.honourRetryAfter(header, exchange)).startsWith(" (Retry-After ");
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    }

    private static Exchange exchange(int redeliveriesSoFar) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (redeliveriesSoFar > 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, redeliveriesSoFar);
        }
        return exchange;
    }
}
