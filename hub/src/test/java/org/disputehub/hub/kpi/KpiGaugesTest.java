package org.disputehub.hub.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The KPI gauges cost nothing until read, then at most one computation per interval, never in the reader's thread. */
class KpiGaugesTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final KpiService service = new KpiService(null, Clock.systemUTC()) {
        @Override
        public Kpis compute(OffsetDateTime from, OffsetDateTime to, String deptCode) {
            int n = computed.incrementAndGet();
            return new Kpis(from, to, deptCode, Kpis.Indicator.of("签收率", n, 4), Kpis.Indicator.of("按时到点率", 0, 0),
                    Kpis.Indicator.of("办结反馈率", 0, 1), Kpis.Indicator.of("事项化解率", 0, 0),
                    Kpis.Indicator.of("重复报警率", 0, 1), List.of());
        }
    };
    private final Tasks tasks = new Tasks();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KpiGauges gauges = new KpiGauges(service, Clock.systemUTC(), meters, Duration.ofSeconds(60), tasks,
            nanos::get);

    @Test
    void nothingIsComputedUntilTheKpisAreRead() {
        tasks.runAll();
        assertThat(computed).hasValue(0);
        assertThat(tasks.queued).isEmpty();
    }

    @Test
    void aReadStartsOneComputationInTheBackgroundAndGetsNaNUntilItEnds() {
        assertThat(gauges.getSignOffRate()).isNaN();
        assertThat(gauges.getResolutionRate()).isNaN(); // a second read while it runs starts no second computation
        assertThat(tasks.queued).hasSize(1);
        assertThat(computed).hasValue(0);

        tasks.runAll();
        assertThat(computed).hasValue(1);
        assertThat(gauges.getSignOffRate()).isEqualTo(0.25);
        assertThat(meters.get("hub.kpi.rate").tag("indicator", "signOff").gauge().value()).isEqualTo(0.25);
        assertThat(tasks.queued).isEmpty();
    }

    @Test
    void theAnswerIsReusedForTheIntervalThenServedWhileItsSuccessorIsComputed() {
        gauges.getSignOffRate();
        tasks.runAll();

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(gauges.getSignOffRate()).isEqualTo(0.25);
        assertThat(tasks.queued).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(gauges.getSignOffRate()).isEqualTo(0.25); // the old answer, at once
        assertThat(tasks.queued).hasSize(1);
        tasks.runAll();
        assertThat(computed).hasValue(2);
        assertThat(gauges.getSignOffRate()).isEqualTo(0.5);
    }

    @Test
    void aFailedComputationKeepsThePreviousAnswerAndIsTriedAgainOnTheNextRead() {
        KpiService failing = new KpiService(null, Clock.systemUTC()) {
            @Override
            public Kpis compute(OffsetDateTime from, OffsetDateTime to, String deptCode) {
                computed.incrementAndGet();
                throw new IllegalStateException("store unavailable");
            }
        };
        KpiGauges g = new KpiGauges(failing, Clock.systemUTC(), new SimpleMeterRegistry(), Duration.ofSeconds(60), tasks,
                nanos::get);
        assertThat(g.getSummary()).isEqualTo("not computed yet");
        tasks.runAll();
        assertThat(g.getSummary()).isEqualTo("not computed yet");
        tasks.runAll();
        assertThat(computed).hasValue(2);
    }

    /** An executor that runs what it was given when the test says so. */
    private static final class Tasks extends AbstractExecutorService {
        final List<Runnable> queued = new ArrayList<>();

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
