package org.disputehub.demo;

import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.disputehub.hub.kpi.KpiService;
import org.disputehub.hub.kpi.Kpis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's summary: one line every {@code hub.demo.summary-every} (received / dispatched / closed / feedback
 * delivered / returned / escalated / linked / red / parked) and the KPIs of the last 24 h every sixth time.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class SummaryReporter {

    private static final Logger LOG = LoggerFactory.getLogger("hub.summary");

    private final JdbcTemplate jdbc;
    private final KpiService kpis;
    private int runs;

    SummaryReporter(JdbcTemplate jdbc, KpiService kpis) {
        this.jdbc = jdbc;
        this.kpis = kpis;
    }

    private static String ratio(Kpis.Indicator i) {
        return i.numerator() + "/" + i.denominator();
    }

    @Scheduled(initialDelayString = "${hub.demo.summary-every}", fixedRateString = "${hub.demo.summary-every}")
    void report() {
        try {
            Map<String, Object> row = jdbc.queryForMap("SELECT"
                    + " (SELECT COUNT(*) FROM hub_case) AS received,"
                    + " (SELECT COUNT(*) FROM dispatch WHERE state = 'SENT') AS dispatched,"
                    + " (SELECT COUNT(*) FROM hub_case WHERE status IN ('CLOSED', 'REVISITED')) AS closed,"
                    + " (SELECT COUNT(*) FROM relay_delivery) AS feedback,"
                    + " (SELECT COUNT(*) FROM dispatch WHERE returned_at IS NOT NULL) AS returned,"
                    + " (SELECT COUNT(*) FROM hub_case WHERE escalated) AS escalated,"
                    + " (SELECT COUNT(*) FROM hub_case WHERE linked_to IS NOT NULL) AS linked,"
                    + " (SELECT COUNT(*) FROM hub_case WHERE data LIKE '%\"level\":\"RED\"%') AS red");
            LOG.info("summary: received={} dispatched={} closed={} feedback delivered={} returned={} escalated={}"
                            + " linked={} red={} parked={}", row.get("received"), row.get("dispatched"), row.get("closed"),
                    row.get("feedback"), row.get("returned"), row.get("escalated"), row.get("linked"), row.get("red"),
                    parked());
            if (++runs % 6 == 0) {
                OffsetDateTime now = OffsetDateTime.now();
                Kpis k = kpis.compute(now.minusDays(1), now.plusSeconds(1), null);
                LOG.info("KPIs (24 h): {} {}  {} {}  {} {}  {} {}  {} {}", k.signOff().name(), ratio(k.signOff()),
                        k.onTimeArrival().name(), ratio(k.onTimeArrival()), k.closureFeedback().name(),
                        ratio(k.closureFeedback()), k.resolution().name(), ratio(k.resolution()),
                        k.repeatReports().name(), ratio(k.repeatReports()));
            }
        } catch (RuntimeException e) {
            LOG.warn("summary unavailable: {}", e.toString());
        }
    }

    /** Messages on every DLQ.* queue of the broker, read over JMX. */
    static long parked() {
        try {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            long total = 0;
            for (ObjectName name : mbeans.queryNames(new ObjectName(
                    "org.apache.activemq.artemis:broker=*,component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*"), null)) {
                if (name.getKeyProperty("queue").replace("\"", "").startsWith("DLQ.")) {
                    total += ((Number) mbeans.getAttribute(name, "MessageCount")).longValue();
                }
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }
}
