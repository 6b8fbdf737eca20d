package org.disputehub.connector.hotline12345;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.disputehub.canonical.connector.OriginConnectorProperties;
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
public class Hotline12345Properties extends OriginConnectorProperties {

    public static final String PREFIX = "hub.connectors.hotline12345";

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
    /** Pause after a 4290 (rate limited) or 4001 (signature rejected) reply; doubles while it repeats. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration rateLimitBackoff = Duration.ofSeconds(60);

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

    public Duration getRateLimitBackoff() {
        return rateLimitBackoff;
    }

    public void setRateLimitBackoff(Duration rateLimitBackoff) {
        this.rateLimitBackoff = rateLimitBackoff;
    }

    @Override
    public String toString() {
        return "Hotline12345Properties[baseUrl=" + getBaseUrl() + ", appKey=" + appKey + ", appSecret=****, pageSize="
                + pageSize + ", pollInterval=" + pollInterval + ", initialSince=" + initialSince + "]";
    }
}
