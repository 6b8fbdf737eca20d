package org.disputehub.hub.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An answer is reused per key and time to live: read again within its time to live it is not computed again, read
 * with another time to live (a day's KPIs after midnight: the past days' instead of today's) it is computed anew in
 * the caller, and a time to live of zero computes every read.
 */
class CockpitCacheTest {

    private final CockpitCache cache = new CockpitCache();

    @AfterEach
    void stop() {
        cache.destroy();
    }

    @Test
    void anAnswerIsReusedPerKeyAndTimeToLive() {
        assertThat(cache.get("kpi:2026-12-04", Duration.ofHours(1), () -> 1)).isEqualTo(1);
        assertThat(cache.get("kpi:2026-12-04", Duration.ofHours(1), () -> 2)).isEqualTo(1);
        assertThat(cache.get("kpi:2026-12-04", Duration.ofDays(1), () -> 3)).isEqualTo(3);
        assertThat(cache.get("kpi:2026-12-04", Duration.ofDays(1), () -> 4)).isEqualTo(3);
        assertThat(cache.get("kpi:2026-12-04", Duration.ZERO, () -> 5)).isEqualTo(5);
        assertThat(cache.get("kpi:2026-12-04", Duration.ZERO, () -> 6)).isEqualTo(6);
    }
}
