package org.disputehub.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Which parked messages a bulk replay moves: by reason text and park time. */
class ReplayFilterTest {

    static final ParkedMessage EARLY = parked("TemporaryFailureException: dispatch X to D: HTTP 503", "2026-11-22T10:00:00+08:00");
    static final ParkedMessage LATE = parked("PermanentFailureException: HTTP 422", "2026-11-22T12:00:00+08:00");
    static final ParkedMessage UNDATED = parked("TemporaryFailureException: HTTP 503", null);

    @Test
    void reasonIsMatchedAsTextIgnoringCase() {
        ReplayFilter f = new ReplayFilter("http 503", null, null);
        assertThat(f.matches(EARLY)).isTrue();
        assertThat(f.matches(LATE)).isFalse();
        assertThat(f.matches(UNDATED)).isTrue();
    }

    @Test
    void timesBoundTheParkTimeAndAnUnreadableTimeMatchesNoTimeFilter() {
        OffsetDateTime noon = OffsetDateTime.parse("2026-11-22T03:30:00Z"); // 11:30 +08:00
        assertThat(new ReplayFilter(null, noon, null).matches(EARLY)).isTrue();
        assertThat(new ReplayFilter(null, noon, null).matches(LATE)).isFalse();
        assertThat(new ReplayFilter(null, null, noon).matches(LATE)).isTrue();
        assertThat(new ReplayFilter(null, null, noon).matches(EARLY)).isFalse();
        assertThat(new ReplayFilter("503", null, noon).matches(LATE)).isFalse();
        assertThat(new ReplayFilter(null, noon, null).matches(UNDATED)).isFalse();
    }

    @Test
    void aBlankFilterIsEmptyAndMatchesAll() {
        ReplayFilter blank = new ReplayFilter(" ", null, null);
        assertThat(blank.isEmpty()).isTrue();
        assertThat(blank.matches(EARLY) && blank.matches(LATE) && blank.matches(UNDATED)).isTrue();
        assertThat(new ReplayFilter(null, OffsetDateTime.now(), null).isEmpty()).isFalse();
    }

    private static ParkedMessage parked(String reason, String at) {
        return new ParkedMessage("ID:1", reason, at, "HUB.DISPATCH.D", "HUB-20261122-000001", 10);
    }
}
