package org.disputehub.connector.labor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The connector's meters: {@code hub.connector.labor.rows} (outcome read|accepted|rejected|unchanged),
 * {@code hub.connector.labor.batches} (outcome done|error|failed) and, like every connector,
 * {@code hub.connector.messages} (connector=labor, direction out, outcome sent|failed|skipped) for progress posts.
 * The row counters are looked up once. Without a {@link MeterRegistry} every call is a no-op.
 */
public class LaborMetrics {

    public enum Row { READ, ACCEPTED, REJECTED, UNCHANGED }

    public enum Batch { DONE, ERROR, FAILED }

    public enum Out { SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;
    private final Map<Row, Counter> rows = new EnumMap<>(Row.class);

    public LaborMetrics(MeterRegistry registry) {
        this.registry = registry;
        if (registry != null) {
            for (Row outcome : Row.values()) {
                rows.put(outcome, Counter.builder("hub.connector.labor.rows")
                        .description("Batch rows the labor connector read, by outcome")
                        .tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
        }
    }

    public void row(Row outcome) {
        Counter counter = rows.get(outcome);
        if (counter != null) {
            counter.increment();
        }
    }

    public void batch(Batch outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.labor.batches")
                    .description("Batch files the labor connector finished (done, error) or had to retry (failed)")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }

    public void progress(Out outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Labor.CONNECTOR)
                    .tag("direction", "out")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }
}
