package org.disputehub.hub.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the hub's tags {@code stage} and {@code connector} to every Camel route meter (camel-micrometer's
 * {@code camel.exchanges.*} and route timers, tagged {@code routeId}), so they can be summed per connector or stage;
 * the context-wide ones (empty routeId) get {@code stage="context"}.
 */
@Configuration(proxyBeanMethods = false)
class RouteMetricTags {

    @Bean
    MeterFilter hubRouteTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String routeId = id.getTag("routeId");
                if (routeId == null || id.getTag("stage") != null) {
                    return id;
                }
                RouteRole role = routeId.isEmpty() ? new RouteRole("context", RouteRole.HUB) : RouteRole.of(routeId);
                return id.withTags(Tags.of("stage", role.stage(), "connector", role.connector()));
            }
        };
    }
}
