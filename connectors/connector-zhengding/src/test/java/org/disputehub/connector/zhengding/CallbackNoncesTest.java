package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.disputehub.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

class CallbackNoncesTest {

    private static final long T0 = TestApplication.T0;
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));

    @Test
    void aCallbackIsTakenOnceWhileItsTimestampIsInTheWindow() {
        CallbackNonces nonces = new CallbackNonces(Duration.ofMinutes(5), clock);

        assertThat(nonces.firstUse(T0, "n1", "sig")).isTrue();
        assertThat(nonces.firstUse(T0, "n1", "sig")).as("the same callback again").isFalse();
        assertThat(nonces.firstUse(T0, "n2", "sig")).as("another nonce").isTrue();
        assertThat(nonces.firstUse(T0 + 1, "n1", "sig")).as("another timestamp").isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(nonces.firstUse(T0, "n1", "sig")).as("still inside the window at its very edge").isFalse();
    }

    @Test
    void expiredEntriesMakeRoomAndWhenFullTheSoonestToExpireIsForgotten() {
        CallbackNonces nonces = new CallbackNonces(Duration.ofMinutes(5), clock, 3);
        nonces.firstUse(T0 - 200_000, "old", "s");
        nonces.firstUse(T0, "a", "s");
        nonces.firstUse(T0 + 1000, "b", "s");

        assertThat(nonces.firstUse(T0 + 2000, "c", "s")).isTrue();
        assertThat(nonces.size()).isEqualTo(3);
        assertThat(nonces.firstUse(T0 + 1000, "b", "s")).as("a later one is kept").isFalse();
        assertThat(nonces.firstUse(T0 - 200_000, "old", "s")).as("the soonest-expiring one was forgotten").isTrue();

        clock.advance(Duration.ofMinutes(10));
        assertThat(nonces.firstUse(clock.millis(), "d", "s")).isTrue();
        assertThat(nonces.size()).as("everything expired was swept").isEqualTo(1);
    }

    @Test
    void aReleasedCallbackCanBeTakenAgain() {
        CallbackNonces nonces = new CallbackNonces(Duration.ofMinutes(5), clock);
        nonces.firstUse(T0, "n1", "sig");

        nonces.release(T0, "n1", "sig");

        assertThat(nonces.firstUse(T0, "n1", "sig")).isTrue();
    }
}
