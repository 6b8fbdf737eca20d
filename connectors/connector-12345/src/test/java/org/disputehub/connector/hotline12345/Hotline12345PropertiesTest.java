package org.disputehub.connector.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.disputehub.canonical.connector.RelayRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class Hotline12345PropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "hub.connectors.hotline12345.enabled=true",
                    "hub.connectors.hotline12345.base-url=https://12345.example.gov.cn/gateway",
                    "hub.connectors.hotline12345.app-key=hub-demo",
                    "hub.connectors.hotline12345.app-secret=from-the-environment");

    @EnableConfigurationProperties(Hotline12345Properties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaults() {
        runner.run(context -> {
            Hotline12345Properties p = context.getBean(Hotline12345Properties.class);
            assertThat(p.getPageSize()).isEqualTo(50);
            assertThat(p.getPollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.getRateLimitBackoff()).isEqualTo(Duration.ofSeconds(60));
            assertThat(p.getRelayConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.getInitialSince())
                    .isEqualTo(OffsetDateTime.now(Hotline12345.OFFSET).truncatedTo(ChronoUnit.DAYS));
            assertThat(p.toString()).doesNotContain("from-the-environment");
        });
    }

    @Test
    void bindsAnInitialSinceWithOffset() {
        runner.withPropertyValues("hub.connectors.hotline12345.initial-since=2026-11-22T09:00:00+08:00")
                .run(context -> assertThat(context.getBean(Hotline12345Properties.class).getInitialSince())
                        .isEqualTo(OffsetDateTime.parse("2026-11-22T09:00:00+08:00")));
    }

    @ParameterizedTest
    @CsvSource({
        "app-secret,        '',          appSecret",
        "app-key,           '',          appKey",
        "base-url,          '',          baseUrl",
        "base-url,          ftp://x/y,   baseUrl",
        "page-size,         0,           pageSize",
        "page-size,         101,         pageSize",
        "poll-interval,     0s,          pollInterval",
        "relay-consumers, 0,          relayConsumers"
    })
    void invalidConfigurationFailsStartUpNamingTheKey(String key, String value, String field) {
        runner.withPropertyValues("hub.connectors.hotline12345." + key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hub.connectors.hotline12345")
                    .hasMessageContaining("'" + field + "'");
        });
    }

    @Test
    void theRoutesFeedCamelTheValidatedValuesWhateverTheSpelling() throws Exception {
        Hotline12345Properties p = new Hotline12345Properties();
        p.setPollInterval(Duration.parse("PT7S"));
        p.setRelayConsumers(3);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("hub.connectors.hotline12345.poll-interval", "PT7S");
            camel.addRoutes(new Hotline12345PollRoute(poller(p), p));
            camel.addRoutes(new RelayRoute(new Hotline12345RelaySink(null, null, null, null, null), p.getRelayConsumers(), "relay"));

            assertThat(camel.resolvePropertyPlaceholders("{{hub.connectors.hotline12345.poll-interval}}")).isEqualTo("7000ms");
            assertThat(camel.getRouteDefinition("hotline12345-relay").getInput().getEndpointUri()).endsWith("concurrentConsumers=3");
        }
    }

    private static Hotline12345Poller poller(Hotline12345Properties p) {
        return new Hotline12345Poller(null, null, null, new Hotline12345PollState(), new ConnectorMetrics(null, Hotline12345.CONNECTOR), p,
                Clock.systemUTC());
    }
}
