package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.connector.zhengding.ZhengdingClient.AccessToken;
import org.disputehub.fixtures.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZhengdingTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_795_335_000_000L));
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(10, r -> {
        Thread t = new Thread(r, "token-caller");
        threads.add(t);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aTokenIsCachedUntilTheRenewMarginThenRenewed() {
        ZhengdingTokenCache cache = cache(() -> new AccessToken("t" + fetches.incrementAndGet(), 7200));

        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(7200 - 300 - 1));
        assertThat(cache.token()).as("just before the margin").isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.token()).as("5 minutes before expiry").isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aLifetimeShorterThanTheMarginIsRenewedAtHalfLife() {
        ZhengdingTokenCache cache = cache(() -> new AccessToken("t" + fetches.incrementAndGet(), 120));
        cache.token();
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.token()).isEqualTo("t2");
    }

    @Test
    void manyThreadsNeedingATokenAtOnceCauseOneRenewal() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ZhengdingTokenCache cache = cache(() -> {
            fetches.incrementAndGet();
            await(release);
            return new AccessToken("t1", 7200);
        });
        List<Future<String>> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(pool.submit(cache::token));
        }
        waitUntil(() -> fetches.get() == 1 && allParked());
        release.countDown();
        for (Future<String> f : callers) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("t1");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void whileOneThreadRenewsEarlyTheOthersKeepUsingTheStillValidToken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ZhengdingTokenCache cache = cache(() -> {
            int n = fetches.incrementAndGet();
            if (n == 2) {
                await(release);
            }
            return new AccessToken("t" + n, 7200);
        });
        cache.token();
        clock.advance(Duration.ofSeconds(7000)); // inside the margin, not expired
        Future<String> renewer = pool.submit(cache::token);
        waitUntil(() -> fetches.get() == 2);
        assertThat(cache.token()).as("not blocked by the renewal in flight").isEqualTo("t1");
        release.countDown();
        assertThat(renewer.get(5, TimeUnit.SECONDS)).isEqualTo("t2");
        assertThat(cache.token()).isEqualTo("t2");
    }

    @Test
    void aFailedRenewalIsSharedByItsWaitersAndRetriedByTheNextCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ZhengdingTokenCache cache = cache(() -> {
            if (fetches.incrementAndGet() == 1) {
                await(release);
                throw new ZhengdingCallException(ZhengdingCallException.Failure.TOKEN_UNAVAILABLE, 40089, "errcode 40089", null);
            }
            return new AccessToken("t2", 7200);
        });
        List<Future<String>> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(pool.submit(cache::token));
        }
        waitUntil(() -> fetches.get() == 1 && allParked()); // one fetching, nine waiting for its outcome
        release.countDown();
        for (Future<String> f : callers) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ZhengdingCallException.class);
        }
        assertThat(fetches).hasValue(1);
        assertThat(cache.token()).isEqualTo("t2");
    }

    @Test
    void aRejectedTokenIsDroppedOnceWhoeverNoticesFirst() {
        ZhengdingTokenCache cache = cache(() -> new AccessToken("t" + fetches.incrementAndGet(), 7200));
        String first = cache.token();

        cache.rejected(first);
        assertThat(cache.token()).isEqualTo("t2");
        cache.rejected(first); // a second thread that had used t1 too: t2 stays
        assertThat(cache.token()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    /** Every pool thread is running a task and waiting (the fetcher on the latch, the others on the renewal). */
    private boolean allParked() {
        return threads.size() == 10 && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING);
    }

    private ZhengdingTokenCache cache(Supplier<AccessToken> fetcher) {
        return new ZhengdingTokenCache(fetcher, Duration.ofMinutes(5), clock, new ConnectorMetrics(null, Zhengding.CONNECTOR));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(condition::getAsBoolean);
    }
}
