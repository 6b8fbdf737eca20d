package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.impl.DefaultCamelContext;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.disputehub.canonical.connector.RelayRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OdrPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "hub.connectors.odr.enabled=true",
                    "hub.connectors.odr.base-url=https://odr.example.gov.cn",
                    "hub.connectors.odr.client-id=hub",
                    "hub.connectors.odr.client-secret=from-the-environment",
                    "hub.connectors.odr.webhook-secrets=whsec-from-the-environment");

    @EnableConfigurationProperties(OdrProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaults() {
        runner.run(context -> {
            OdrProperties p = context.getBean(OdrProperties.class);
            assertThat(p.getWebhookSecrets()).containsExactly("whsec-from-the-environment");
            assertThat(p.getTimestampWindow()).isEqualTo(Duration.ofSeconds(300));
            assertThat(p.getMaxBodyBytes()).isEqualTo(1024 * 1024);
            assertThat(p.getTokenRenewMargin()).isEqualTo(Duration.ofSeconds(60));
            assertThat(p.getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
            assertThat(p.getRelayConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.toString()).doesNotContain("from-the-environment");
        });
    }

    @Test
    void severalWebhookSecretsForARotation() {
        runner.withPropertyValues("hub.connectors.odr.webhook-secrets=current,next")
                .run(context -> assertThat(context.getBean(OdrProperties.class).getWebhookSecrets()).containsExactly("current", "next"));
    }

    @ParameterizedTest
    @CsvSource({
        "client-secret,      '',       clientSecret",
        "client-id,          '',       clientId",
        "base-url,           '',       baseUrl",
        "base-url,           ftp://x,  baseUrl",
        "webhook-secrets,    '',       webhookSecrets",
        "max-body-bytes,     100,      maxBodyBytes",
        "timestamp-window,   0s,       timestampWindow",
        "max-retry-after,    0s,       maxRetryAfter",
        "relay-consumers,   0,        relayConsumers"
    })
    void invalidConfigurationFailsStartUpNamingTheKey(String key, String value, String field) {
        runner.withPropertyValues("hub.connectors.odr." + key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hub.connectors.odr")
                    .hasMessageContaining("'" + field);
        });
    }

    @Test
    void theStatusRouteFeedsCamelTheValidatedConsumerCount() throws Exception {
        OdrProperties p = new OdrProperties();
        p.setRelayConsumers(3);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RelayRoute(new OdrRelaySink(null, null, null, null, null, null, null), p.getRelayConsumers(), "relay"));
            assertThat(camel.getRouteDefinition("odr-relay").getInput().getEndpointUri()).endsWith("concurrentConsumers=3");
        }
    }
}
