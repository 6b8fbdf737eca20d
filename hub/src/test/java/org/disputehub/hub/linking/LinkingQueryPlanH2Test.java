package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The linking lookups of an intake read the key index on H2 too (the embedded default), not the whole table: with the
 * labelled reports stored, H2's EXPLAIN of the key lookup and of the repeat counts — with two keys for the reporter,
 * the form H2 once answered by scanning every key — names the index in every branch and no table scan. (A NEAR key
 * stands in for the reporter's second key: the statement and its plan are the same.)
 */
class LinkingQueryPlanH2Test {

    @Test
    void everyLookupReadsTheKeyIndex() {
        JdbcTemplate jdbc = LinkingTestSupport.h2();
        List<LabelledReports.Report> reports = LinkingTestSupport.storeReports(jdbc, 1500);
        MatchKeys matchKeys = new MatchKeys("plan-test");
        CanonicalCase probe = reports.get(reports.size() / 2).data();
        MatchKeys.Key person = matchKeys.of(probe).people().iterator().next();
        MatchKeys.Key near = reports.stream().map(r -> matchKeys.of(r.data())).filter(MatchKeys.Of::hasHouse)
                .map(MatchKeys.Of::near).findFirst()
                .orElseThrow(() -> new AssertionError("no labelled report names a house number"));
        OffsetDateTime since = probe.reportedAt().minusDays(30);

        String counts = plan(jdbc, LinkStore.countEarlierSql(2, true),
                LinkStore.keyArgs(List.of(person, near, near), since));
        String sharing = plan(jdbc, LinkStore.sharingKeysSql(3),
                LinkStore.keyArgs(List.of(person, near, near), since, 50));

        assertThat(counts).doesNotContainIgnoringCase("tableScan");
        assertThat(counts.split("IX_CASE_KEY_LOOKUP", -1)).hasSize(4); // three branches, each by the index
        assertThat(sharing).doesNotContainIgnoringCase("tableScan");
        assertThat(sharing.split("IX_CASE_KEY_LOOKUP", -1)).hasSize(4);
    }

    private static String plan(JdbcTemplate jdbc, String sql, Object... args) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, args)).toUpperCase();
    }
}
