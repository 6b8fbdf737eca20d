package org.disputehub.connector.hotline12345;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The connector's meters, tagged {@code connector=hotline12345}: {@code hub.connector.messages}
 * (direction in|out, outcome accepted|rejected|sent|failed|skipped), {@code hub.connector.poll.errors}
 * (reason signature|rate-limited|server|unavailable) and the {@code hub.connector.poll} cycle timer.
 * Without a {@link MeterRegistry} every call is a no-op.
 */
public class Hotline12345Metrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, REJECTED, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;

    public Hotline12345Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void message(Direction direction, Outcome outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Hotline12345.CONNECTOR)
                    .tag("direction", direction.name().toLowerCase())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }

    public void pollError(String reason) {
        if (registry != null) {
            Counter.builder("hub.connector.poll.errors")
                    .description("Poll cycles that failed, by reason")
                    .tag("connector", Hotline12345.CONNECTOR)
                    .tag("reason", reason)
                    .register(registry).increment();
        }
    }

    public void pollCycle(Duration took) {
        if (registry != null) {
            Timer.builder("hub.connector.poll")
                    .description("Duration of a poll cycle")
                    .tag("connector", Hotline12345.CONNECTOR)
                    .register(registry).record(took);
        }
    }
}
