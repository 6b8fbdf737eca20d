package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.impl.DefaultCamelContext;
import org.disputehub.canonical.connector.ConsumerDefaults;
import org.disputehub.canonical.connector.RelayRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LaborPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "hub.connectors.labor.enabled=true",
                    "hub.connectors.labor.inbox=/srv/ldjc/inbox",
                    "hub.connectors.labor.base-url=https://ldjc.example.gov.cn",
                    "hub.connectors.labor.api-key=from-the-environment");

    @EnableConfigurationProperties(LaborProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void defaultsPutDoneAndErrorBesideTheInbox() {
        runner.run(context -> {
            LaborProperties p = context.getBean(LaborProperties.class);
            assertThat(p.getInbox()).isEqualTo(Path.of("/srv/ldjc/inbox"));
            assertThat(p.getDoneDir()).isEqualTo(Path.of("/srv/ldjc/done"));
            assertThat(p.getErrorDir()).isEqualTo(Path.of("/srv/ldjc/error"));
            assertThat(p.getPollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.getRelayConsumers()).isEqualTo(ConsumerDefaults.queue());
            assertThat(p.toString()).doesNotContain("from-the-environment");
        });
    }

    @Test
    void explicitDirectoriesWin() {
        runner.withPropertyValues("hub.connectors.labor.done-dir=/archive/ldjc", "hub.connectors.labor.error-dir=/srv/err")
                .run(context -> {
                    LaborProperties p = context.getBean(LaborProperties.class);
                    assertThat(p.getDoneDir()).isEqualTo(Path.of("/archive/ldjc"));
                    assertThat(p.getErrorDir()).isEqualTo(Path.of("/srv/err"));
                });
    }

    @ParameterizedTest
    @CsvSource({
        "api-key,            '',                 apiKey",
        "base-url,           '',                 baseUrl",
        "base-url,           ftp://x/y,          baseUrl",
        "inbox,              '',                 inbox",
        "done-dir,           /srv/ldjc/inbox,    directoriesDistinct",
        "error-dir,          /srv/ldjc/done,     directoriesDistinct",
        "poll-interval,      0s,                 pollInterval",
        "timeout,            10ms,               timeout",
        "relay-consumers, 0,                  relayConsumers",
        "relay-consumers, 65,                 relayConsumers"
    })
    void invalidConfigurationFailsStartUpNamingTheKey(String key, String value, String field) {
        runner.withPropertyValues("hub.connectors.labor." + key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("hub.connectors.labor")
                    .hasMessageContaining("'" + field + "'");
        });
    }

    @Test
    void theRoutesFeedCamelTheValidatedValuesWhateverTheSpelling() throws Exception {
        LaborProperties p = new LaborProperties();
        p.setInbox(Path.of("/srv/ldjc/inbox"));
        p.setPollInterval(Duration.parse("PT7S"));
        p.setRelayConsumers(3);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("hub.connectors.labor.poll-interval", "PT7S");
            camel.addRoutes(new LaborBatchRoute(null, p));
            camel.addRoutes(new RelayRoute(new LaborRelaySink(null, null, null, null, null), p.getRelayConsumers(), "relay"));

            assertThat(camel.resolvePropertyPlaceholders("{{hub.connectors.labor.poll-interval}}")).isEqualTo("7000ms");
            assertThat(camel.getRouteDefinition("labor-relay").getInput().getEndpointUri()).endsWith("concurrentConsumers=3");
        }
    }
}
