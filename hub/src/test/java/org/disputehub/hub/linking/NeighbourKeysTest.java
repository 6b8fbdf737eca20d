package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.disputehub.hub.store.CaseStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.disputehub.hub.store.H2Store;

/**
 * A report naming a house number reads only the neighbours (same region and category, no shared key) at the same
 * number or at none — the others cannot be linked to it — and is still linked to a similar address there; cases
 * stored before V13 are keyed as having no house number, so every report of their region and category finds them.
 */
class NeighbourKeysTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    static final String REGION = "330106005";

    static final LinkingProperties PROPS = LinkingTestSupport.shippedProperties();

    final MatchKeys matchKeys = new MatchKeys(PROPS.keySecret());

    @Test
    void aReportAtAHouseNumberReadsTheNeighboursAtThatNumberOrNoneAndIsLinkedThere() {
        JdbcTemplate jdbc = LinkingTestSupport.h2();
        CaseStore cases = new CaseStore(jdbc);
        LinkStore store = new LinkStore(jdbc);
        store(cases, store, report("A", "文三路100号紫金小区", "13800000001", 0));
        store(cases, store, report("B", "文三路紫金小区东门", "13800000002", 1));
        store(cases, store, report("C", "文三路200号紫金小区", "13800000003", 2));
        CanonicalCase closed = report("D", "文三路100号紫金小区", "13800000004", 3);
        store(cases, store, closed);
        cases.updateStatus("D", CaseStatus.CLOSED, false, T0);
        store(cases, store, report("E", "文三路100号紫金小区", "13800000005", 4).withCategory(
                new Category("SOCIAL", "PRICE_COMPLAINT", "价格投诉", "x", "x")));

        CanonicalCase report = report("N", "浙江省杭州市西湖区文三路 100 号紫金小区东门", "13900000000", 10);
        MatchKeys.Of keys = matchKeys.of(report);
        assertThat(keys.hasHouse()).isTrue();
        Set<String> read = store.sharingKeys(List.of(keys.near(), keys.nearNoHouse()), T0.minusDays(3), 50).keySet()
                .stream().map(LinkStore.Candidate::caseId).collect(Collectors.toSet());
        assertThat(read).as("same number (A) or none (B); not another number (C), closed (D), another category (E)")
                .containsExactlyInAnyOrder("A", "B");

        Linking linking = new Linking(store, PROPS);
        Linking.Match match = linking.evaluate(report, T0.plusHours(1)).match();
        assertThat(match).isNotNull();
        assertThat(match.caseId()).isEqualTo("A");
        assertThat(match.rule()).startsWith("ADDRESS(").endsWith("+CATEGORY+REGION").doesNotContain("PHONE");
    }

    @Test
    void casesStoredBeforeTheNeighbourKeysAreKeyedAsHavingNoHouseNumber() {
        DriverManagerDataSource ds = H2Store.migrated("near", "12");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        CaseStore cases = new CaseStore(jdbc);
        cases.insert(report("OLD", "文三路100号紫金小区", "13800000001", 0), T0);
        cases.insert(report("OLD-CLOSED", "文三路100号紫金小区", "13800000002", 0), T0);
        cases.updateStatus("OLD-CLOSED", CaseStatus.CLOSED, false, T0);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("SELECT case_id || ' ' || key_hash FROM case_key WHERE kind = 'NEAR'", String.class))
                .containsExactly("OLD " + REGION + "|NEIGHBOUR_DISPUTE|");
        MatchKeys.Of keys = matchKeys.of(report("N", "文三路100号紫金小区东门", "13900000000", 10));
        assertThat(new LinkStore(jdbc).sharingKeys(List.of(keys.near(), keys.nearNoHouse()), T0.minusDays(3), 50)
                .keySet()).extracting(LinkStore.Candidate::caseId).containsExactly("OLD");
    }

    private void store(CaseStore cases, LinkStore store, CanonicalCase c) {
        Linking.Outcome outcome = new Linking.Outcome(null, 0, 0, false, matchKeys.of(c), c.category().major());
        cases.insert(c, c.reportedAt(), outcome.columns());
        store.saveKeys(c.caseId(), outcome.keys(), c.reportedAt());
    }

    private static CanonicalCase report(String id, String address, String phone, int minutes) {
        OffsetDateTime at = T0.plusMinutes(minutes);
        return new CanonicalCase(id, CanonicalCase.SCHEMA_VERSION, new CaseSource("HOTLINE12345", "S" + id, "SYNTHETIC",
                at, null), at, "标题", "描述", new Category("NEIGHBOURHOOD", "NEIGHBOUR_DISPUTE", "邻里纠纷", "x", "x"), null,
                List.of(Party.reporter("张三", phone)), null, null, new Location(address, REGION, null, null, null),
                "NORMAL", null, null, null, CaseStatus.RECEIVED);
    }
}
