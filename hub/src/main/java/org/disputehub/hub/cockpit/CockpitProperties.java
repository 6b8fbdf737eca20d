package org.disputehub.hub.cockpit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.cockpit.*}: how much the cockpit lists and how long it keeps what it computed. Validated at start-up.
 *
 * @param cacheTtl     how long an answer is reused (every viewer's page asks every 10 s); 0 = computed per request
 * @param pastDaysTtl  how long the KPIs of a finished day of the trend are reused
 * @param trendDays    days of the KPI trend, today included
 * @param hotspotDays  how far back repeat hotspots are counted
 * @param listLimit    cases listed (waiting, RED)
 * @param hotspotLimit addresses and callers listed
 */
@Validated
@ConfigurationProperties("hub.cockpit")
public record CockpitProperties(
        @NotNull @DefaultValue("PT5S") Duration cacheTtl,
        @NotNull @DefaultValue("PT5M") Duration pastDaysTtl,
        @Min(1) @Max(31) @DefaultValue("7") int trendDays,
        @Min(1) @Max(366) @DefaultValue("30") int hotspotDays,
        @Min(1) @Max(500) @DefaultValue("50") int listLimit,
        @Min(1) @Max(100) @DefaultValue("10") int hotspotLimit) {
}
