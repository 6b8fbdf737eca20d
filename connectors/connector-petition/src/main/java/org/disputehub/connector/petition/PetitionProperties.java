package org.disputehub.connector.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.petition.*}. The bean exists only when the connector is enabled, so every constraint
 * is checked exactly then, and start-up fails with the offending key named. The routes take their
 * placeholders ({@code inbound-path}, {@code relay-consumers}) from this bean.
 */
@Validated
@ConfigurationProperties(PetitionProperties.PREFIX)
public class PetitionProperties {

    public static final String PREFIX = "hub.connectors.petition";

    /** Turns the connector on. */
    private boolean enabled;
    /** The petition platform's base URL; status goes to {@code {base-url}/xf/api/v1/blzt}. */
    @NotBlank
    @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query or fragment")
    private String baseUrl;
    /** The HMAC secret shared with the platform, both ways; from the environment, never committed. */
    @NotBlank
    @Size(min = 16, message = "must have at least 16 characters")
    private String sharedSecret;
    /** How far X-Timestamp may be from the hub's clock, either way. */
    @NotNull
    @DurationMin(seconds = 1)
    @DurationMax(hours = 1)
    private Duration timestampWindow = Duration.ofSeconds(300);
    /** The largest request body accepted; larger ones get 413. */
    @Min(1024)
    @Max(64 * 1024 * 1024)
    private int maxBodyBytes = 1024 * 1024;
    /** Concurrent consumers of HUB.RELAY.PETITION. */
    @Min(1)
    @Max(64)
    private int relayConsumers = 4;
    /** Connect and request timeout of every status POST. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration timeout = Duration.ofSeconds(10);
    /** The push endpoint's path (the contract's); must stay under /api/inbound/, which the hub leaves open. */
    @NotBlank
    @Pattern(regexp = "/api/inbound/[A-Za-z0-9/_-]+", message = "must be a path under /api/inbound/")
    private String inboundPath = "/api/inbound/petition";

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

    public String getSharedSecret() {
        return sharedSecret;
    }

    public void setSharedSecret(String sharedSecret) {
        this.sharedSecret = sharedSecret;
    }

    public Duration getTimestampWindow() {
        return timestampWindow;
    }

    public void setTimestampWindow(Duration timestampWindow) {
        this.timestampWindow = timestampWindow;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
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

    public String getInboundPath() {
        return inboundPath;
    }

    public void setInboundPath(String inboundPath) {
        this.inboundPath = inboundPath;
    }

    @Override
    public String toString() {
        return "PetitionProperties[baseUrl=" + baseUrl + ", sharedSecret=****, timestampWindow=" + timestampWindow
                + ", maxBodyBytes=" + maxBodyBytes + ", relayConsumers=" + relayConsumers + ", timeout=" + timeout
                + ", inboundPath=" + inboundPath + "]";
    }
}
