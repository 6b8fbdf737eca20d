package org.disputehub.canonical.connector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * One connector's meters, tagged {@code connector={name}}: {@code hub.connector.messages} (direction in|out,
 * outcome accepted|duplicate|rejected|sent|failed|skipped), {@code hub.connector.rejections} (status),
 * {@code hub.connector.poll.errors} (reason), the {@code hub.connector.poll} cycle timer and
 * {@code hub.connector.token.renewals} (outcome ok|failed); {@link #count} for a connector's own counters.
 * Without a {@link MeterRegistry} every call is a no-op.
 */
public class ConnectorMetrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;
    private final String connector;

    public ConnectorMetrics(MeterRegistry registry, String connector) {
        this.registry = registry;
        this.connector = connector;
    }

    public void message(Direction direction, Outcome outcome) {
        count("hub.connector.messages", "Messages a connector took in or sent out, by outcome",
                "connector", connector, "direction", lower(direction), "outcome", lower(outcome));
    }

    /** A pushed message refused with this HTTP status (counted as a rejected message too). */
    public void rejected(int status) {
        message(Direction.IN, Outcome.REJECTED);
        count("hub.connector.rejections", "Pushed messages refused, by HTTP status",
                "connector", connector, "status", Integer.toString(status));
    }

    public void pollError(String reason) {
        count("hub.connector.poll.errors", "Poll cycles that failed, by reason", "connector", connector, "reason", reason);
    }

    public void pollCycle(Duration took) {
        if (registry != null) {
            Timer.builder("hub.connector.poll").description("Duration of a poll cycle")
                    .tag("connector", connector).register(registry).record(took);
        }
    }

    public void tokenRenewal(boolean ok) {
        count("hub.connector.token.renewals", "Access-token requests a connector made, by outcome",
                "connector", connector, "outcome", ok ? "ok" : "failed");
    }

    /** Increments a counter; {@code tags} are name, value pairs. */
    public void count(String name, String description, String... tags) {
        if (registry != null) {
            Counter.builder(name).description(description).tags(tags).register(registry).increment();
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase();
    }
}
