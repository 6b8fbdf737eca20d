package org.disputehub.connector.zhengding;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.disputehub.canonical.connector.ConnectorProperties;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.zhengding.*}. The bean exists only when the connector is enabled, so every constraint
 * is checked exactly then and start-up fails naming the key. Secrets ({@code app-secret}, {@code callback-token},
 * {@code callback-aes-key}) come from the environment or an external file, never from a committed file.
 */
@Validated
@ConfigurationProperties(ZhengdingProperties.PREFIX)
public class ZhengdingProperties extends ConnectorProperties {

    public static final String PREFIX = "hub.connectors.zhengding";

    /** The app key: {@code appkey} of gettoken, and the trailing app key of every callback plaintext. */
    @NotBlank
    private String appKey;
    /** The app secret of gettoken. */
    @NotBlank
    private String appSecret;
    /** {@code agent_id} of the micro-app that sends the work notifications. */
    @Min(1)
    private long agentId;
    /** The callback token (signature input). */
    @NotBlank
    private String callbackToken;
    /** The 43-character EncodingAESKey of the callbacks. */
    @NotNull
    @Pattern(regexp = "[A-Za-z0-9+/]{43}", message = "must be the 43-character EncodingAESKey (Base64 without '=')")
    private String callbackAesKey;
    /** How far a callback's timestamp may be from now. */
    @NotNull
    @DurationMin(seconds = 1)
    private Duration timestampWindow = Duration.ofMinutes(5);
    /** How long before its expiry the access token is renewed. */
    @NotNull
    @DurationMin(seconds = 0)
    private Duration tokenRenewMargin = Duration.ofMinutes(5);
    /** Concurrent consumers of HUB.NOTIFY.ZHENGDING; default from the machine ({@link ConsumerDefaults}). */
    @Min(1)
    @Max(64)
    private int notifyConsumers = ConsumerDefaults.queue();

    /** The margin must leave a token some life: renewing more than an hour early would renew on every call. */
    @AssertTrue(message = "token-renew-margin must be at most 1h")
    public boolean isTokenRenewMarginSensible() {
        return tokenRenewMargin == null || tokenRenewMargin.compareTo(Duration.ofHours(1)) <= 0;
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

    public long getAgentId() {
        return agentId;
    }

    public void setAgentId(long agentId) {
        this.agentId = agentId;
    }

    public String getCallbackToken() {
        return callbackToken;
    }

    public void setCallbackToken(String callbackToken) {
        this.callbackToken = callbackToken;
    }

    public String getCallbackAesKey() {
        return callbackAesKey;
    }

    public void setCallbackAesKey(String callbackAesKey) {
        this.callbackAesKey = callbackAesKey;
    }

    public Duration getTimestampWindow() {
        return timestampWindow;
    }

    public void setTimestampWindow(Duration timestampWindow) {
        this.timestampWindow = timestampWindow;
    }

    public Duration getTokenRenewMargin() {
        return tokenRenewMargin;
    }

    public void setTokenRenewMargin(Duration tokenRenewMargin) {
        this.tokenRenewMargin = tokenRenewMargin;
    }

    public int getNotifyConsumers() {
        return notifyConsumers;
    }

    public void setNotifyConsumers(int notifyConsumers) {
        this.notifyConsumers = notifyConsumers;
    }

    @Override
    public String toString() {
        return "ZhengdingProperties[baseUrl=" + getBaseUrl() + ", appKey=" + appKey + ", appSecret=****, agentId=" + agentId
                + ", callbackToken=****, callbackAesKey=****, timestampWindow=" + timestampWindow + "]";
    }
}
