package org.disputehub.broker;

import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;

/**
 * A primary/backup pair on a shared store (one machine: both on the same {@code --data-dir}). One broker is active at
 * a time: the backup waits for the store's lock and takes over when the primary dies (its file lock goes with the
 * process), the restarted primary takes its role back (fail-back). The cluster connection only tells clients about
 * the backup ({@code ha=true}); messages are never load-balanced between the two, so per-case order (JMSXGroupID)
 * stays on the one active broker.
 */
final class HaPair {

    static final String CLUSTER = "dispute-hub-pair";

    private HaPair() {
    }

    static void apply(Configuration config, String role, String self, Map<String, String> options) throws Exception {
        String peer = required(options, "peer", "the other broker of the pair, e.g. tcp://127.0.0.1:61617");
        String password = options.getOrDefault("cluster-password", System.getenv("ARTEMIS_CLUSTER_PASSWORD"));
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("--cluster-password (or ARTEMIS_CLUSTER_PASSWORD) is required for --role="
                    + role + ": the pair's brokers authenticate each other with it");
        }
        switch (role) {
            case "primary" -> config.setHAPolicyConfiguration(new SharedStorePrimaryPolicyConfiguration()
                    .setFailoverOnServerShutdown(true));
            case "backup" -> config.setHAPolicyConfiguration(new SharedStoreBackupPolicyConfiguration()
                    .setFailoverOnServerShutdown(true).setAllowFailBack(true).setRestartBackup(true));
            default -> throw new IllegalArgumentException("--role: " + role + " (expected primary or backup)");
        }
        config.addConnectorConfiguration("self", self);
        config.addConnectorConfiguration("peer", peer);
        config.setClusterUser("dispute-hub-cluster");
        config.setClusterPassword(password);
        config.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName(CLUSTER)
                .setConnectorName("self")
                .setStaticConnectors(List.of("peer"))
                .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
                .setRetryInterval(500)
                .setReconnectAttempts(-1));
    }

    private static String required(Map<String, String> options, String name, String what) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required for a primary/backup pair: " + what);
        }
        return value;
    }
}
