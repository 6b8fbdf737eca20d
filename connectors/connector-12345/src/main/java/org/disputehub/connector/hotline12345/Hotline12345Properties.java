package org.disputehub.connector.hotline12345;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.hotline12345.*}. The bean exists only when the connector is enabled, so every
 * constraint here is checked exactly then, and start-up fails with the offending key named.
 * The routes take their placeholders ({@code poll-interval}, {@code relay-consumers}) from this bean.
 */
@Validated
@ConfigurationProperties(Hotline12345Properties.PREFIX)
public class Hotline12345Properties {

    public static final String PREFIX = "hub.connectors.hotline12345";

    /** Turns the connector on. */
    private boolean enabled;
    /** The platform's base URL, e.g. {@code https://12345.example.gov.cn/gateway} (no trailing path to the API). */
    @NotBlank
    @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query or fragment")
    private String baseUrl;
    /** {@code X-App-Key} issued by the platform. */
    @NotBlank
    private String appKey;
    /** The HMAC secret issued by the platform; from the environment or an external file, never committed. */
    @NotBlank
    private String appSecret;
    /** Records per page, 1..100. */
    @Min(1)
    @Max(100)
    private int pageSize = 50;
    /** Time between the end of one poll cycle and the start of the next. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration pollInterval = Duration.ofSeconds(5);
    /** Where polling starts while no watermark is stored (default: start of today, +08:00). */
    @NotNull
    private OffsetDateTime initialSince = OffsetDateTime.now(Hotline12345.OFFSET).truncatedTo(ChronoUnit.DAYS);
    /** Connect and request timeout of every HTTP call. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration timeout = Duration.ofSeconds(10);
    /** Pause after a 4290 (rate limited) or 4001 (signature rejected) reply; doubles while it repeats. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration rateLimitBackoff = Duration.ofSeconds(60);
    /** Concurrent consumers of HUB.RELAY.HOTLINE12345. */
    @Min(1)
    @Max(64)
    private int relayConsumers = 4;

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

    public String getAppKey() {
        return appKey;
    }

    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public OffsetDateTime getInitialSince() {
        return initialSince;
    }

    public void setInitialSince(OffsetDateTime initialSince) {
        this.initialSince = initialSince;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    public void setRateLimitBackoff(Duration rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    public int getRelayConsumers() {
        return relayConsumers;
    }

    public void setRelayConsumers(int relayConsumers) {
        this.relayConsumers = relayConsumers;
    }

    @Override
    public String toString() {
        return "Hotline12345Properties[baseUrl=" + baseUrl + ", appKey=" + appKey + ", appSecret=****, pageSize="
                + pageSize + ", pollInterval=" + pollInterval + ", initialSince=" + initialSince + "]";
    }
}
