package org.disputehub.connector.zhengding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector's meters, tagged {@code connector=zhengding}: {@code hub.connector.messages} (direction in|out,
 * outcome accepted|rejected|duplicate|sent|failed|skipped; out counts work-notification calls, in counts
 * callbacks) and {@code hub.connector.token.renewals} (outcome ok|failed). Without a registry every call is a no-op.
 */
public class ZhengdingMetrics {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, REJECTED, DUPLICATE, SENT, FAILED, SKIPPED }

    private final MeterRegistry registry;

    public ZhengdingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void message(Direction direction, Outcome outcome) {
        if (registry != null) {
            Counter.builder("hub.connector.messages")
                    .description("Messages a connector took in or sent out, by outcome")
                    .tag("connector", Zhengding.CONNECTOR)
                    .tag("direction", direction.name().toLowerCase())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry).increment();
        }
    }

    public void tokenRenewal(boolean ok) {
        if (registry != null) {
            Counter.builder("hub.connector.token.renewals")
                    .description("Access-token renewals, by outcome")
                    .tag("connector", Zhengding.CONNECTOR)
                    .tag("outcome", ok ? "ok" : "failed")
                    .register(registry).increment();
        }
    }
}
