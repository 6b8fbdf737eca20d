package org.disputehub.connector.alarm110;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.alarm110.*}. The bean exists only when the connector is enabled, so every
 * constraint here is checked exactly then, and start-up fails with the offending key named.
 * The routes take their placeholders ({@code queue}, {@code consumers}, {@code relay-consumers}) from this bean.
 */
@Validated
@ConfigurationProperties(Alarm110Properties.PREFIX)
public class Alarm110Properties {

    public static final String PREFIX = "hub.connectors.alarm110";

    /** Turns the connector on. */
    private boolean enabled;
    /** The queue the 110 platform (or the bridge from the police broker) puts linkage incidents on. */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]{1,200}", message = "must be a queue name (letters, digits, '.', '_', '-')")
    private String queue = "JCJ.LDJQ.OUT";
    /** Concurrent consumers of the incident queue. */
    @Min(1)
    @Max(64)
    private int consumers = 2;
    /** The 110 platform's base URL, e.g. {@code https://jcj.example.gov.cn} (feedback goes to {base}/jcj/api/v1/ldjq/feedback). */
    @NotBlank
    @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query or fragment")
    private String baseUrl;
    /** {@code X-Api-Key} issued by the 110 platform; from the environment or an external file, never committed. */
    @NotBlank
    private String apiKey;
    /** Concurrent consumers of HUB.RELAY.ALARM110. */
    @Min(1)
    @Max(64)
    private int relayConsumers = 4;
    /** Connect and request timeout of every feedback POST. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

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

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public int getRelayConsumers() {
        return relayConsumers;
    }

    public void setRelayConsumers(int relayConsumers) {
        this.relayConsumers = relayConsumers;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String toString() {
        return "Alarm110Properties[queue=" + queue + ", consumers=" + consumers + ", baseUrl=" + baseUrl
                + ", apiKey=****, relayConsumers=" + relayConsumers + ", timeout=" + timeout + "]";
    }
}
