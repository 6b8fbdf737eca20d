package org.disputehub.connector.alarm110;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.disputehub.canonical.connector.OriginConnectorProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.alarm110.*}. The bean exists only when the connector is enabled, so every
 * constraint here is checked exactly then, and start-up fails with the offending key named.
 * The routes take their placeholders ({@code queue}, {@code consumers}, {@code relay-consumers}) from this bean.
 */
@Validated
@ConfigurationProperties(Alarm110Properties.PREFIX)
public class Alarm110Properties extends OriginConnectorProperties {

    public static final String PREFIX = "hub.connectors.alarm110";

    /** The queue the 110 platform (or the bridge from the police broker) puts linkage incidents on. */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]{1,200}", message = "must be a queue name (letters, digits, '.', '_', '-')")
    private String queue = "JCJ.LDJQ.OUT";
    /** Concurrent consumers of the incident queue; default from the machine ({@link ConsumerDefaults}). */
    @Min(1)
    @Max(64)
    private int consumers = ConsumerDefaults.queue();
    /** {@code X-Api-Key} issued by the 110 platform; from the environment or an external file, never committed. */
    @NotBlank
    private String apiKey;

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public int getConsumers() {
        return consumers;
    }

    public void setConsumers(int consumers) {
        this.consumers = consumers;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public String toString() {
        return "Alarm110Properties[queue=" + queue + ", consumers=" + consumers + ", baseUrl=" + getBaseUrl()
                + ", apiKey=****, relayConsumers=" + getRelayConsumers() + ", timeout=" + getTimeout() + "]";
    }
}
