package org.disputehub.connector.odr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector's meters, tagged {@code connector=odr}: {@code hub.connector.messages} (direction in|out,
 * outcome accepted|rejected|duplicate|sent|failed|skipped) and {@code hub.connector.token.renewals}
 * (outcome ok|failed). Without a {@link MeterRegistry} every call is a no-op.
 */
public class OdrMetrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, REJECTED, DUPLICATE, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;

    public OdrMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void message(Direction direction, Outcome outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Odr.CONNECTOR)
                    .tag("direction", direction.name().toLowerCase())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }

    public void tokenRenewal(boolean ok) {
        if (registry != null) {
            Counter.builder("hub.connector.token.renewals")
                    .description("OAuth2 token requests a connector made, by outcome")
                    .tag("connector", Odr.CONNECTOR)
                    .tag("outcome", ok ? "ok" : "failed")
                    .register(registry).increment();
        }
    }
}
