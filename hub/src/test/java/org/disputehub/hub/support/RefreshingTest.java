package org.disputehub.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cockpit's way of reading a {@link Refreshing} value ({@code get}): the first answer computed in the caller, then
 * reused for its time to live, then served stale while one successor is computed in the background. (The KPI
 * gauges' way, {@code current}, is covered by {@code KpiGaugesTest}.)
 */
class RefreshingTest {

    private final List<Runnable> background = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger computed = new AtomicInteger();
    private final List<RuntimeException> failures = new ArrayList<>();

    private Refreshing<Integer> counter() {
        return new Refreshing<>(computed::incrementAndGet, Duration.ofSeconds(10), background::add, nanos::get,
                failures::add);
    }

    @Test
    void theFirstAnswerIsComputedInTheCallerThenReusedThenServedStaleWhileItsSuccessorIsComputed() {
        Refreshing<Integer> value = counter();
        assertThat(value.stale()).isTrue();
        assertThat(value.get()).isEqualTo(1);
        assertThat(background).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.stale()).isFalse();
        assertThat(background).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(value.get()).isEqualTo(1); // stale, at once
        assertThat(value.get()).isEqualTo(1); // no second computation while one is queued
        assertThat(background).hasSize(1);
        background.remove(0).run();
        assertThat(value.get()).isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void aFailedFirstAnswerReachesTheCallerAFailedSuccessorKeepsTheLastAnswer() {
        AtomicInteger calls = new AtomicInteger();
        Refreshing<Integer> value = new Refreshing<>(() -> {
            if (calls.incrementAndGet() != 2) {
                throw new IllegalStateException("store unavailable " + calls.get());
            }
            return 42;
        }, Duration.ofSeconds(10), background::add, nanos::get, failures::add);

        assertThatThrownBy(value::get).hasMessage("store unavailable 1");
        assertThat(value.get()).isEqualTo(42);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(value.get()).isEqualTo(42);
        background.remove(0).run();
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("store unavailable 3");
        assertThat(value.get()).isEqualTo(42); // the last answer stays, and the next read tries again
        assertThat(background).hasSize(1);
    }
}
