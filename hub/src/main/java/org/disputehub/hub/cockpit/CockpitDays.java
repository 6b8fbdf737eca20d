package org.disputehub.hub.cockpit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** Days as the cockpit counts them: calendar days in the zone of the hub's clock (Asia/Shanghai). */
@Component
class CockpitDays {

    private final Clock clock;

    CockpitDays(Clock clock) {
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }
}
