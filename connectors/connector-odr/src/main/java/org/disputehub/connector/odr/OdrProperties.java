package org.disputehub.connector.odr;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.connector.OriginConnectorProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.odr.*}. The bean exists only when the connector is enabled, so every constraint is
 * checked exactly then, and start-up fails with the offending key named.
 */
@Validated
@ConfigurationProperties(OdrProperties.PREFIX)
public class OdrProperties extends OriginConnectorProperties {

    public static final String PREFIX = "hub.connectors.odr";

    /** OAuth2 client id issued by the platform. */
    @NotBlank
    private String clientId;
    /** OAuth2 client secret; from the environment or an external file, never committed. */
    @NotBlank
    private String clientSecret;
    /** Webhook signing secrets; a signature made with any of them is accepted (rotation). */
    @NotEmpty
    private List<@NotBlank String> webhookSecrets = new ArrayList<>();
    /** How far the signature's {@code t} may be from now, either way. */
    @NotNull
    @DurationMin(seconds = 1)
    private Duration timestampWindow = Duration.ofSeconds(300);
    /** Largest webhook body taken in; a larger one is answered 413. */
    @Min(1024)
    @Max(16 * 1024 * 1024)
    private int maxBodyBytes = 1024 * 1024;
    /** A cached token is renewed this long before it expires (at most half its lifetime). */
    @NotNull
    @DurationMin(seconds = 0)
    private Duration tokenRenewMargin = Duration.ofSeconds(60);
    /** The longest {@code Retry-After} honoured after a 429; a longer one is cut to this. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public List<String> getWebhookSecrets() {
        return webhookSecrets;
    }

    public void setWebhookSecrets(List<String> webhookSecrets) {
        this.webhookSecrets = webhookSecrets;
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

    public Duration getTokenRenewMargin() {
        return tokenRenewMargin;
    }

    public void setTokenRenewMargin(Duration tokenRenewMargin) {
        this.tokenRenewMargin = tokenRenewMargin;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public String toString() {
        return "OdrProperties[baseUrl=" + getBaseUrl() + ", clientId=" + clientId + ", clientSecret=****, webhookSecrets="
                + webhookSecrets.size() + "×****, timestampWindow=" + timestampWindow + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
