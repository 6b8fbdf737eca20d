package org.disputehub.hub.ops;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.alerts.*}: operations alerts through Zhengding. Validated at start-up.
 *
 * @param checkInterval     how often queues and connectors are checked (also the refresh of the queue-depth gauges)
 * @param throttle          at most one alert per kind and subject within this interval; the ones held back are counted
 *                          and mentioned in the next
 * @param dlqGrowth         alert when a DLQ grew by at least this many messages since the previous check
 * @param connectorFailures alert when a connector's routes failed (or retried) at least this often since the previous check
 * @param silence           per connector ({@code hotline12345}, …): alert when it had no successful poll, receive or send
 *                          for this long; connectors not named are not watched for silence
 * @param userIds           Zhengding users alerted; empty = {@code hub.duty-leader-user-ids}
 */
@Validated
@ConfigurationProperties("hub.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("PT1M") Duration checkInterval,
        @NotNull @DefaultValue("PT30M") Duration throttle,
        @Min(1) @DefaultValue("1") int dlqGrowth,
        @Min(1) @DefaultValue("5") int connectorFailures,
        Map<String, Duration> silence,
        List<String> userIds) {

    public AlertProperties {
        silence = silence == null ? Map.of() : Map.copyOf(silence);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        if (checkInterval != null && checkInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("hub.alerts.check-interval must be at least 1s, was " + checkInterval);
        }
        if (throttle != null && throttle.isNegative()) {
            throw new IllegalArgumentException("hub.alerts.throttle must not be negative, was " + throttle);
        }
        silence.forEach((connector, d) -> {
            if (!RouteRole.CONNECTORS.contains(connector)) {
                throw new IllegalArgumentException("hub.alerts.silence." + connector + ": no such connector; one of "
                        + RouteRole.CONNECTORS);
            }
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("hub.alerts.silence." + connector + " must be a positive duration, was " + d);
            }
        });
    }
}
