package org.disputehub.canonical.connector;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * What every connector's {@code hub.connectors.{connector}.*} has: the switch, the system's base URL and the timeout
 * of every call to it. A connector's {@code @Validated @ConfigurationProperties} class extends it with its own keys;
 * an invalid value stops start-up naming the key.
 */
public abstract class ConnectorProperties {

    /** Turns the connector on. */
    private boolean enabled;
    /** The system's base URL, e.g. {@code https://system.example.gov.cn}. */
    @NotBlank
    @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query or fragment")
    private String baseUrl;
    /** Connect and request timeout of every call to the system. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
