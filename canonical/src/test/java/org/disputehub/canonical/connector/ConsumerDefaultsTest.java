package org.disputehub.canonical.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The consumer counts follow the machine within their bounds, and any setting of them wins over the defaults. */
class ConsumerDefaultsTest {

    @Test
    void countsFollowTheProcessorsWithinTheirBounds() {
        assertThat(ConsumerDefaults.stage(1)).isEqualTo(2);
        assertThat(ConsumerDefaults.stage(2)).isEqualTo(4);
        assertThat(ConsumerDefaults.stage(8)).isEqualTo(16);
        assertThat(ConsumerDefaults.stage(64)).isEqualTo(32);
        assertThat(ConsumerDefaults.queue(1)).as("one retried message never holds a queue alone").isEqualTo(2);
        assertThat(ConsumerDefaults.queue(2)).isEqualTo(2);
        assertThat(ConsumerDefaults.queue(8)).isEqualTo(4);
        assertThat(ConsumerDefaults.queue(64)).isEqualTo(8);
    }

    @Test
    void theDefaultsComeLastSoThatEverySettingWins() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("settings", Map.of(ConsumerDefaults.QUEUE, "7")));
        new ConsumerDefaults().postProcessEnvironment(env, new SpringApplication());
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(env.getProperty(ConsumerDefaults.STAGE, Integer.class)).isEqualTo(ConsumerDefaults.stage(processors));
        assertThat(env.getProperty(ConsumerDefaults.QUEUE, Integer.class)).isEqualTo(7);
        assertThat(env.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
                .isEqualTo("hub-consumer-defaults");
    }
}
