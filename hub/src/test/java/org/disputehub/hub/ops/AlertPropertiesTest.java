package org.disputehub.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code hub.alerts.*} is checked at start-up: a bad value stops the hub naming the key. */
class AlertPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAndValuesBind() {
        runner.withPropertyValues("hub.alerts.silence.alarm110=15m", "hub.alerts.user-ids=a,b").run(ctx -> {
            AlertProperties p = ctx.getBean(AlertProperties.class);
            assertThat(p.checkInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(p.throttle()).isEqualTo(Duration.ofMinutes(30));
            assertThat(p.dlqGrowth()).isEqualTo(1);
            assertThat(p.silence()).containsEntry("alarm110", Duration.ofMinutes(15));
            assertThat(p.userIds()).containsExactly("a", "b");
        });
    }

    @Test
    void badValuesStopTheStartNamingTheKey() {
        assertFails("hub.alerts.silence.fax=5m", "hub.alerts.silence.fax: no such connector");
        assertFails("hub.alerts.silence.odr=0s", "hub.alerts.silence.odr must be a positive duration");
        assertFails("hub.alerts.check-interval=10ms", "hub.alerts.check-interval must be at least 1s");
        assertFails("hub.alerts.dlq-growth=0", "dlqGrowth");
        assertFails("hub.alerts.connector-failures=0", "connectorFailures");
    }

    private void assertFails(String property, String message) {
        runner.withPropertyValues(property).run(ctx -> {
            assertThat(ctx).hasFailed();
            Throwable t = ctx.getStartupFailure();
            StringBuilder all = new StringBuilder();
            for (Throwable c = t; c != null; c = c.getCause()) {
                all.append(c.getMessage()).append('\n');
            }
            assertThat(all.toString()).as(property).contains(message);
        });
    }
}
