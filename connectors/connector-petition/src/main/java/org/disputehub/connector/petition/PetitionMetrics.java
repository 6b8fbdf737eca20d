package org.disputehub.connector.petition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector's meters, tagged {@code connector=petition}: {@code hub.connector.messages} (direction in|out,
 * outcome accepted|duplicate|rejected|sent|failed|skipped) and {@code hub.connector.rejections} (status
 * 400|401|413, so an attack or a misconfigured sender shows at a glance). Without a registry every call is a no-op.
 */
public class PetitionMetrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;

    public PetitionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void message(Direction direction, Outcome outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Petition.CONNECTOR)
                    .tag("direction", direction.name().toLowerCase())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }

    public void rejected(int status) {
        message(Direction.IN, Outcome.REJECTED);
        if (registry != null) {
            Counter.builder("hub.connector.rejections")
                    .description("Pushed messages refused, by HTTP status")
                    .tag("connector", Petition.CONNECTOR)
                    .tag("status", Integer.toString(status))
                    .register(registry).increment();
        }
    }
}
