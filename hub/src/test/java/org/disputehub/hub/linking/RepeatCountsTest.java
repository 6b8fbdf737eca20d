package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repeat counts ({@link LinkStore#countEarlier}) on the embedded store: a case sharing several of the reporter's
 * keys counts once, the address is counted apart, keys older than the window do not count, and each count stops
 * at {@link LinkStore#COUNT_CAP}.
 */
class RepeatCountsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T12:00:00+08:00");
    private static final MatchKeys.Key PHONE = new MatchKeys.Key(MatchKeys.Kind.PHONE, "phone-hash");
    private static final MatchKeys.Key IDNO = new MatchKeys.Key(MatchKeys.Kind.IDNO, "id-hash");
    private static final MatchKeys.Key ADDR = new MatchKeys.Key(MatchKeys.Kind.ADDR, "addr-hash");

    private final JdbcTemplate jdbc = LinkingTestSupport.h2();
    private final LinkStore store = new LinkStore(jdbc);

    @Test
    void countsDistinctCasesPerSideWithinTheWindow() {
        key(PHONE, "A", NOW.minusDays(1));
        key(IDNO, "A", NOW.minusDays(1));      // A shares both of the reporter's keys: one case
        key(PHONE, "B", NOW.minusDays(2));
        key(IDNO, "C", NOW.minusDays(40));     // before the window
        key(ADDR, "A", NOW.minusDays(1));
        key(ADDR, "D", NOW.minusDays(3));
        key(new MatchKeys.Key(MatchKeys.Kind.PHONE, "someone-else"), "E", NOW.minusDays(1));

        LinkStore.EarlierCounts counts = store.countEarlier(List.of(PHONE, IDNO), ADDR, NOW.minusDays(30));

        assertThat(counts).isEqualTo(new LinkStore.EarlierCounts(2, 2));
        assertThat(store.countEarlier(List.of(PHONE, IDNO), null, NOW.minusDays(30)))
                .isEqualTo(new LinkStore.EarlierCounts(2, 0));
        assertThat(store.countEarlier(List.of(), ADDR, NOW.minusDays(30)))
                .isEqualTo(new LinkStore.EarlierCounts(0, 2));
        assertThat(store.countEarlier(List.of(PHONE, IDNO), ADDR, NOW.minusDays(60)))
                .isEqualTo(new LinkStore.EarlierCounts(3, 2));
    }

    @Test
    void eachCountStopsAtTheCap() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < LinkStore.COUNT_CAP + 5; i++) {
            rows.add(row(PHONE, "P" + i, NOW.minusHours(1)));
            rows.add(row(IDNO, "I" + i, NOW.minusHours(1)));
        }
        insert(rows);

        assertThat(store.countEarlier(List.of(PHONE, IDNO), ADDR, NOW.minusDays(30)))
                .isEqualTo(new LinkStore.EarlierCounts(LinkStore.COUNT_CAP, 0));
    }

    private void key(MatchKeys.Key key, String caseId, OffsetDateTime reportedAt) {
        insert(List.<Object[]>of(row(key, caseId, reportedAt)));
    }

    private static Object[] row(MatchKeys.Key key, String caseId, OffsetDateTime reportedAt) {
        return new Object[] {key.kind().name(), key.hash(), caseId, reportedAt};
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO case_key (kind, key_hash, case_id, reported_at) VALUES (?, ?, ?, ?)", rows);
    }
}
