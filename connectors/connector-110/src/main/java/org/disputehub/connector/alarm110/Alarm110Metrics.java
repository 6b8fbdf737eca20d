package org.disputehub.connector.alarm110;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector's meters, tagged {@code connector=alarm110}: {@code hub.connector.messages}
 * (direction in|out, outcome accepted|rejected|sent|failed|skipped). Without a {@link MeterRegistry}
 * every call is a no-op.
 */
public class Alarm110Metrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, REJECTED, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;

    public Alarm110Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void message(Direction direction, Outcome outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Alarm110.CONNECTOR)
                    .tag("direction", direction.name().toLowerCase())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }
}
