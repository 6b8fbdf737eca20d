package org.disputehub.canonical.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Both forms of Retry-After (RFC 9110 §10.2.3), and what is not one. */
class RetryAfterTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAndHttpDatesAreWaitsFromNow() {
        assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 01:31:05 GMT", NOW)).contains(Duration.ofSeconds(65));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 01:29:00 GMT", NOW)).as("a date past is now").contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsNoRetryAfter() {
        for (String junk : new String[] {"", "-1", "1.5", "soon", "2026-11-22T01:31:05Z", "9999999999"}) {
            assertThat(RetryAfter.parse(junk, NOW)).as(junk).isEqualTo(Optional.empty());
        }
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void theWaitIsHandedToTheErrorPolicyAndClearedBeforeTheNextAttempt() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        assertThat(RetryAfter.delayNextAttempt(exchange, Duration.ofSeconds(3600), Duration.ofSeconds(60)))
                .isEqualTo(" (Retry-After 3600 s, next attempt in 60000 ms)");
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(60_000L);
        RetryAfter.clear(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }
}
