package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ZhengdingPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "hub.connectors.zhengding.enabled=true",
                    "hub.connectors.zhengding.base-url=https://oapi.zhengding.example.gov.cn",
                    "hub.connectors.zhengding.app-key=hub-app",
                    "hub.connectors.zhengding.app-secret=secret-from-the-environment",
                    "hub.connectors.zhengding.agent-id=2751002",
                    "hub.connectors.zhengding.callback-token=token-from-the-environment",
                    "hub.connectors.zhengding.callback-aes-key=P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI");

    @EnableConfigurationProperties(ZhengdingProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaultsAndNoSecretInToString() {
        runner.run(context -> {
            ZhengdingProperties p = context.getBean(ZhengdingProperties.class);
            assertThat(p.getTimestampWindow()).isEqualTo(Duration.ofMinutes(5));
            assertThat(p.getTokenRenewMargin()).isEqualTo(Duration.ofMinutes(5));
            assertThat(p.getNotifyConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.toString()).doesNotContain("from-the-environment").doesNotContain("P/HCx");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "base-url,           '',                     baseUrl",
        "base-url,           ftp://x/y,              baseUrl",
        "app-key,            '',                     appKey",
        "app-secret,         '',                     appSecret",
        "agent-id,           0,                      agentId",
        "callback-token,     '',                     callbackToken",
        "callback-aes-key,   tooShort,               callbackAesKey",
        "callback-aes-key,   P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZL=, callbackAesKey",
        "timestamp-window,   0s,                     timestampWindow",
        "token-renew-margin, 2h,                     tokenRenewMarginSensible",
        "notify-consumers,   0,                      notifyConsumers",
        "timeout,            10ms,                   timeout",
    })
    void invalidConfigurationFailsStartUpNamingTheKey(String key, String value, String field) {
        runner.withPropertyValues("hub.connectors.zhengding." + key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hub.connectors.zhengding")
                    .hasMessageContaining("'" + field + "'");
        });
    }
}
