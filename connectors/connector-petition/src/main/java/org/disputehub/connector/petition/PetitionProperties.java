package org.disputehub.connector.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.disputehub.canonical.connector.OriginConnectorProperties;
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
public class PetitionProperties extends OriginConnectorProperties {

    public static final String PREFIX = "hub.connectors.petition";

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
    /** The push endpoint's path (the contract's); must stay under /api/inbound/, which the hub leaves open. */
    @NotBlank
    @Pattern(regexp = "/api/inbound/[A-Za-z0-9/_-]+", message = "must be a path under /api/inbound/")
    private String inboundPath = "/api/inbound/petition";

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

    public String getInboundPath() {
        return inboundPath;
    }

    public void setInboundPath(String inboundPath) {
        this.inboundPath = inboundPath;
    }

    @Override
    public String toString() {
        return "PetitionProperties[baseUrl=" + getBaseUrl() + ", sharedSecret=****, timestampWindow=" + timestampWindow
                + ", maxBodyBytes=" + maxBodyBytes + ", relayConsumers=" + getRelayConsumers() + ", timeout=" + getTimeout()
                + ", inboundPath=" + inboundPath + "]";
    }
}
