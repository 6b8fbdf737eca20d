package org.disputehub.hub.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's clock (Asia/Shanghai): SLA deadlines and checks read it, so tests can control time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock hubClock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
