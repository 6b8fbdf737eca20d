package org.disputehub.hub.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.disputehub.hub.support.Jmx;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The KPIs of the last 24 hours as Micrometer gauges ({@code hub.kpi.rate}, tag indicator) and as the JMX MBean
 * {@code org.disputehub:type=Kpis} that Hawtio shows; recomputed once a minute, not per scrape.
 */
@Component
public class KpiGauges implements KpiMBean, DisposableBean {

    static final String OBJECT_NAME = "org.disputehub:type=Kpis";

    private final KpiService service;
    private final Clock clock;
    private final AtomicReference<Kpis> last = new AtomicReference<>();

    KpiGauges(KpiService service, Clock clock, MeterRegistry meters) {
        this.service = service;
        this.clock = clock;
        for (String indicator : new String[] {"signOff", "onTimeArrival", "closureFeedback", "resolution", "repeatReports"}) {
            Gauge.builder("hub.kpi.rate", this, g -> g.rate(indicator)).tag("indicator", indicator)
                    .description("KPI of the last 24 hours (0..1)").register(meters);
        }
        Jmx.register(this, KpiMBean.class, OBJECT_NAME);
    }

    @Scheduled(fixedDelayString = "${hub.kpi.refresh-ms:60000}", initialDelay = 5000)
    public void refresh() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        last.set(service.compute(now.minusDays(1), now, null));
    }

    double rate(String indicator) {
        Kpis k = last.get();
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
        Kpis k = last.get();
        return k == null ? "not computed yet" : k.signOff() + " " + k.onTimeArrival() + " " + k.closureFeedback()
                + " " + k.resolution() + " " + k.repeatReports();
    }

    @Override
    public void refreshNow() {
        refresh();
    }

    @Override
    public void destroy() {
        Jmx.unregister(OBJECT_NAME);
    }
}
