package org.disputehub.connector.alarm110;

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

class Alarm110PropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "hub.connectors.alarm110.enabled=true",
                    "hub.connectors.alarm110.base-url=https://jcj.example.gov.cn",
                    "hub.connectors.alarm110.api-key=from-the-environment");

    @EnableConfigurationProperties(Alarm110Properties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaults() {
        runner.run(context -> {
            Alarm110Properties p = context.getBean(Alarm110Properties.class);
            assertThat(p.getQueue()).isEqualTo("JCJ.LDJQ.OUT");
            assertThat(p.getConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.getRelayConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.toString()).doesNotContain("from-the-environment");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "api-key,            '',              apiKey",
        "base-url,           '',              baseUrl",
        "base-url,           ftp://x/y,       baseUrl",
        "queue,              'JCJ LDJQ',      queue",
        "consumers,          0,               consumers",
        "relay-consumers, 65,                 relayConsumers",
        "timeout,            0s,              timeout"
    })
    void invalidConfigurationFailsStartUpNamingTheKey(String key, String value, String field) {
        runner.withPropertyValues("hub.connectors.alarm110." + key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hub.connectors.alarm110")
                    .hasMessageContaining("'" + field + "'");
        });
    }

    @Test
    void theRoutesFeedCamelTheValidatedValues() throws Exception {
        Alarm110Properties p = new Alarm110Properties();
        p.setQueue("POLICE.BRIDGE.LDJQ");
        p.setConsumers(3);
        p.setRelayConsumers(5);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new Alarm110IntakeRoute(new AlarmIntake(null, null, null, null), p));
            camel.addRoutes(new RelayRoute(new Alarm110RelaySink(null, null, null, null, null), p.getRelayConsumers(), "relay"));

            assertThat(camel.resolvePropertyPlaceholders("{{hub.connectors.alarm110.queue}}")).isEqualTo("POLICE.BRIDGE.LDJQ");
            assertThat(camel.resolvePropertyPlaceholders("{{hub.connectors.alarm110.consumers}}")).isEqualTo("3");
            assertThat(camel.getRouteDefinition("alarm110-relay").getInput().getEndpointUri()).endsWith("concurrentConsumers=5");
        }
    }
}
