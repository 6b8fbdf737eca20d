package org.disputehub.hub.demo;

import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One summary line every few seconds: received / dispatched / closed / feedback delivered / parked. */
final class SummaryReporter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("hub.summary");

    private final JdbcTemplate jdbc;

    SummaryReporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        try {
            Map<String, Object> row = jdbc.queryForMap("SELECT"
                    + " (SELECT COUNT(*) FROM hub_case) AS received,"
                    + " (SELECT COUNT(*) FROM dispatch WHERE state = 'SENT') AS dispatched,"
                    + " (SELECT COUNT(*) FROM hub_case WHERE status IN ('CLOSED', 'REVISITED')) AS closed,"
                    + " (SELECT COUNT(*) FROM relay_delivery) AS feedback");
            LOG.info("summary: received={} dispatched={} closed={} feedback delivered={} parked={}",
                    row.get("received"), row.get("dispatched"), row.get("closed"), row.get("feedback"), parked());
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
