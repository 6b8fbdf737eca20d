package org.disputehub.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's broker in a JVM of its own (the production-like set-up, fault tests and the benchmark):
 * {@code java -jar broker/target/broker-exec.jar --port=61616 --data-dir=./data/broker}. Persistent, durable
 * journal (every commit synced to disk), the same address settings as the embedded broker. Stops cleanly on
 * SIGTERM; after a kill -9 the journal is replayed at the next start.
 */
public final class BrokerMain {

    static {
        // before the first logger: the broker's own logging configuration, unless one is given
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "broker-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        EmbeddedActiveMQ broker = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                LOG.warn("broker stop failed: {}", e.toString());
            }
            stopped.countDown();
        }, "broker-shutdown"));
        stopped.await();
    }

    /**
     * Starts a broker; options: port, host, data-dir, journal-buffer-timeout-ns, journal-sync, journal-type, and for a
     * primary/backup pair role (primary, backup), peer (the other's tcp://host:port), cluster-password.
     */
    public static EmbeddedActiveMQ start(Map<String, String> options) throws Exception {
        int port = Integer.parseInt(options.getOrDefault("port", "61616"));
        String host = options.getOrDefault("host", "127.0.0.1");
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data/broker")).toAbsolutePath();
        long bufferTimeoutNs = Long.parseLong(options.getOrDefault("journal-buffer-timeout-ns", "300000"));
        boolean sync = Boolean.parseBoolean(options.getOrDefault("journal-sync", "true"));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: " + port + " is not a TCP port");
        }
        Files.createDirectories(dataDir);

        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("dispute-hub-broker");
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.valueOf(options.getOrDefault("journal-type", "NIO")));
        config.setJournalSyncTransactional(sync);
        config.setJournalSyncNonTransactional(sync);
        config.setJournalDirectory(dataDir.resolve("journal").toString());
        config.setBindingsDirectory(dataDir.resolve("bindings").toString());
        config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        config.setPagingDirectory(dataDir.resolve("paging").toString());
        config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port);
        BrokerSettings.apply(config, bufferTimeoutNs);
        String role = options.getOrDefault("role", "single");
        if (!role.equals("single")) {
            HaPair.apply(config, role, "tcp://" + host + ":" + port, options);
        }

        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        LOG.info("broker started: tcp://{}:{} journal {} (sync {}, role {}{})", host, port, dataDir, sync, role,
                role.equals("backup") ? ": waits for the primary's store" : "");
        return broker;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg
                        + " (options: --port, --host, --data-dir, --journal-buffer-timeout-ns, --journal-sync, --journal-type,"
                        + " --role, --peer, --cluster-password)");
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private BrokerMain() {
    }
}
