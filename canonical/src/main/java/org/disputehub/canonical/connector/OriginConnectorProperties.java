package org.disputehub.canonical.connector;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The keys of a connector whose system cases come from: {@link ConnectorProperties} and the relay route's consumers. */
public abstract class OriginConnectorProperties extends ConnectorProperties {

    /** Concurrent consumers of {@code HUB.RELAY.{SYSTEM}} (route {@code {connector}-relay}); default from the machine. */
    @Min(1)
    @Max(64)
    private int relayConsumers = ConsumerDefaults.queue();

    public int getRelayConsumers() {
        return relayConsumers;
    }

    public void setRelayConsumers(int relayConsumers) {
        this.relayConsumers = relayConsumers;
    }
}
