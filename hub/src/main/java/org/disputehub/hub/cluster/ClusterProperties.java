package org.disputehub.hub.cluster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.cluster.*}: leader election among the hub instances that share one database. Validated at start-up.
 *
 * @param singletonRoutes the Camel routes that run on the leader only (started on grant, stopped on revoke); ids of
 *                        routes that do not exist (a connector switched off) are ignored
 * @param lockTtl         a leader that stops renewing its lock (killed, cut off) loses it after this long; the
 *                        next instance takes over at most {@code lockTtl + busyWait} later
 * @param heartBeat       how often the leader renews its lock; well under {@code lockTtl}
 * @param busyWait        how long a standby waits for the lock in each try
 * @param region          the lock table's region (one per deployment sharing a database)
 * @param instanceId      this instance's name in health, JMX and logs (default: pid@host)
 */
@Validated
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @NotNull @DefaultValue({"hotline12345-poll", "labor-batch", "hub-sla-check", "hub-ops-check"})
        List<String> singletonRoutes,
        @NotNull @DefaultValue("PT10S") Duration lockTtl,
        @NotNull @DefaultValue("PT2S") Duration heartBeat,
        @NotNull @DefaultValue("PT1S") Duration busyWait,
        @NotBlank @DefaultValue("dispute-hub") String region,
        String instanceId) {

    public ClusterProperties {
        singletonRoutes = List.copyOf(singletonRoutes);
        if (lockTtl != null && heartBeat != null && heartBeat.multipliedBy(2).compareTo(lockTtl) > 0) {
            throw new IllegalArgumentException("hub.cluster.heart-beat (" + heartBeat
                    + ") must be at most half of hub.cluster.lock-ttl (" + lockTtl + ")");
        }
        if (busyWait != null && (busyWait.isNegative() || busyWait.isZero())) {
            throw new IllegalArgumentException("hub.cluster.busy-wait must be positive, was " + busyWait);
        }
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
