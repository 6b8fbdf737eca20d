package org.disputehub.connector.zhengding;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application that runs the connector: auto-configuration only, a meter registry to read, and the
 * connector's clock fixed at T0, the time of the callback fixtures (test-fixtures/zhengding/samples/callbacks).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

    static final long T0 = 1_795_335_000_000L;

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    Clock zhengdingClock() {
        return Clock.fixed(Instant.ofEpochMilli(T0), Zhengding.OFFSET);
    }
}
