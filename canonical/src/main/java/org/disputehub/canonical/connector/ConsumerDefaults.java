package org.disputehub.canonical.connector;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The default numbers of concurrent consumers, from the machine's processors ({@code Runtime.availableProcessors()})
 * rather than fixed counts that overload two cores and hold sixteen back. Published before the application starts,
 * below every other property source, as two properties the hub's and the connectors' settings refer to; either
 * property, and every count that refers to it, can still be set:
 * <ul>
 *   <li>{@code hub.consumers.stage} = 2 × processors, 2 to 32: the stages every case passes ({@code hub-intake},
 *       {@code hub-status}), whose consumers wait on journal and database commits more than they compute;</li>
 *   <li>{@code hub.consumers.queue} = processors / 2, 2 to 8: a queue of one destination or one kind of record —
 *       each department's dispatch queue (channels that call out: {@code http}, {@code odr}), each origin's relay
 *       queue, the audit queue, Zhengding notifications, the 110 incident queue. At least 2, so that one message
 *       retried with back-off does not hold back everything else of that queue.</li>
 * </ul>
 * Per-case order does not depend on the counts: the broker gives a case's messages (JMSXGroupID) to one consumer.
 */
public class ConsumerDefaults implements EnvironmentPostProcessor {

    public static final String STAGE = "hub.consumers.stage";
    public static final String QUEUE = "hub.consumers.queue";

    /** The stage count for a machine with {@code processors} processors. */
    public static int stage(int processors) {
        return Math.max(2, Math.min(32, 2 * processors));
    }

    /** The per-queue count for a machine with {@code processors} processors. */
    public static int queue(int processors) {
        return Math.max(2, Math.min(8, processors / 2));
    }

    /** The per-queue count on this machine (a connector property's default). */
    public static int queue() {
        return queue(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int processors = Runtime.getRuntime().availableProcessors();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(STAGE, stage(processors));
        defaults.put(QUEUE, queue(processors));
        environment.getPropertySources().addLast(new MapPropertySource("hub-consumer-defaults", defaults));
    }
}
