package org.disputehub.hub.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.disputehub.hub.support.Jmx;
import org.disputehub.hub.support.Refreshing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The KPIs of the last 24 hours as Micrometer gauges ({@code hub.kpi.rate}, tag indicator) and as the JMX MBean
 * {@code org.disputehub:type=Kpis} that Hawtio shows. Computed when read, at most once per {@code hub.kpi.refresh-ms}
 * and in the background: a scrape or an MBean read gets the last answer at once (NaN before the first) and, when that
 * answer is older than the interval, starts the next computation. The day's KPIs are read from every dispatch of
 * the day, so a hub nobody reads them from spends nothing on them.
 */
@Component
public class KpiGauges implements KpiMBean, DisposableBean {

    static final String OBJECT_NAME = "org.disputehub:type=Kpis";
    private static final Logger LOG = LoggerFactory.getLogger("hub.kpi");

    private final KpiService service;
    private final Clock clock;
    private final ExecutorService refresher;
    private final Refreshing<Kpis> kpis;

    @Autowired
    KpiGauges(KpiService service, Clock clock, MeterRegistry meters, @Value("${hub.kpi.refresh-ms:60000}") long refreshMs) {
        this(service, clock, meters, Duration.ofMillis(refreshMs), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kpi-refresh");
            t.setDaemon(true);
            return t;
        }), System::nanoTime);
        Jmx.register(this, KpiMBean.class, OBJECT_NAME);
    }

    KpiGauges(KpiService service, Clock clock, MeterRegistry meters, Duration interval, ExecutorService refresher,
              LongSupplier nanos) {
        this.service = service;
        this.clock = clock;
        this.refresher = refresher;
        this.kpis = new Refreshing<>(this::compute, interval, refresher, nanos,
                e -> LOG.warn("KPIs of the last 24 hours not computed, the previous answer stays: {}", e.toString()));
        for (String indicator : new String[] {"signOff", "onTimeArrival", "closureFeedback", "resolution", "repeatReports"}) {
            Gauge.builder("hub.kpi.rate", this, g -> g.rate(indicator)).tag("indicator", indicator)
                    .description("KPI of the last 24 hours (0..1)").register(meters);
        }
    }

    /** The last answer (null before the first); starts the next computation when there is none or it is stale. */
    Kpis current() {
        return kpis.current();
    }

    private Kpis compute() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return service.compute(now.minusDays(1), now, null);
    }

    double rate(String indicator) {
        Kpis k = current();
        if (k == null) {
            return Double.NaN;
        }
        Kpis.Indicator i = switch (indicator) {
            case "signOff" -> k.signOff();
            case "onTimeArrival" -> k.onTimeArrival();
            case "closureFeedback" -> k.closureFeedback();
            case "resolution" -> k.resolution();
            default -> k.repeatReports();
        };
        return i.rate() == null ? Double.NaN : i.rate();
    }

    @Override
    public double getSignOffRate() {
        return rate("signOff");
    }

    @Override
    public double getOnTimeArrivalRate() {
        return rate("onTimeArrival");
    }

    @Override
    public double getClosureFeedbackRate() {
        return rate("closureFeedback");
    }

    @Override
    public double getResolutionRate() {
        return rate("resolution");
    }

    @Override
    public double getRepeatReportRate() {
        return rate("repeatReports");
    }

    @Override
    public String getSummary() {
        Kpis k = current();
        return k == null ? "not computed yet" : k.signOff() + " " + k.onTimeArrival() + " " + k.closureFeedback()
                + " " + k.resolution() + " " + k.repeatReports();
    }

    @Override
    public void refreshNow() {
        kpis.refreshNow();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
        Jmx.unregister(OBJECT_NAME);
    }
}
