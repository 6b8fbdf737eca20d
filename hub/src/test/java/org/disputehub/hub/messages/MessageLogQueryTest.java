package org.disputehub.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.disputehub.hub.store.H2Store;

/**
 * A case's message log reads the audit log and the cases by their indexes on H2 (the embedded default), not by
 * scanning them: EXPLAIN of both statements names an index lookup for every term (an {@code OR} of the terms was a
 * table scan of {@code raw_message}, and a walk of all cases in creation order), and they return what the
 * {@code OR} did — each matching message once, oldest first, at most the limit; the case and its linked reports.
 */
class MessageLogQueryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final List<String> TERMS = List.of("(system = ? AND ref = ?)", "id = ?", "ref = ?",
            "(ref >= ? AND ref < ?)");

    private JdbcTemplate jdbc;

    @BeforeEach
    void store() {
        DriverManagerDataSource ds = H2Store.migrated("messages");
        jdbc = new JdbcTemplate(ds);
        for (int i = 0; i < 2000; i++) { // other cases' messages, so that a scan would not be the cheaper plan
            message("odr", "OTHER-" + i, i);
        }
        for (int i = 0; i < 300; i++) {
            kase("H" + i, null, i);
        }
    }

    @Test
    void messagesAreReadByIndexOnceEachOldestFirst() {
        message("petition", "XF-1", 5000);               // the origin's id under its system
        long intake = message("hub", "other-ref", 5001); // the case's raw intake message, by id
        message("hub", "H1", 5003);                      // the case id
        message("dept", "H1:1", 5002);                   // a dispatch key of the case
        message("dept", "H1:1:SIGNED", 5004);
        message("dept", "H10", 5005);                     // another case: neither H1 nor H1:…
        message("petition", "H1", 5006);                  // the case id under another system: matched by two terms
        Object[] args = {"petition", "XF-1", intake, "H1", "H1:", "H1;", 100};

        assertThat(ids(MessageLog.messagesSql(TERMS), args))
                .containsExactly(5000L, 5001L, 5002L, 5003L, 5004L, 5006L).doesNotHaveDuplicates();
        args[args.length - 1] = 3;
        assertThat(ids(MessageLog.messagesSql(TERMS), args)).containsExactly(5000L, 5001L, 5002L);
        String plan = plan(MessageLog.messagesSql(TERMS), args);
        assertThat(plan).doesNotContain("TABLESCAN").containsPattern("PRIMARY_KEY_\\w+: ID IN\\(") // rows by key
                .contains("IX_RAW_REF: SYSTEM =", "IX_RAW_REF_ONLY: REF =", "IX_RAW_REF_ONLY: REF >=");
    }

    @Test
    void theCaseAndItsLinkedReportsAreReadByIndex() {
        kase("C1", null, 1000);
        kase("C2", "C1", 1002);
        kase("C3", "C1", 1001);
        kase("C4", "C2", 1003); // linked to a report, not to the case

        assertThat(jdbc.query(MessageLog.CASES_SQL, (rs, i) -> rs.getString(1), "C1", "C1", "C1"))
                .containsExactly("C1", "C3", "C2");
        assertThat(plan(MessageLog.CASES_SQL, "C1", "C1", "C1")).doesNotContain("TABLESCAN")
                .doesNotContain("IX_CASE_CREATED") // an OR of the two walked this index whole, for its order
                .containsPattern("PRIMARY_KEY_\\w+: CASE_ID =").contains("IX_CASE_LINKED: LINKED_TO =");
    }

    private long message(String system, String ref, int second) {
        jdbc.update("INSERT INTO raw_message (id, system, direction, ref, content_type, body, outcome, recorded_at,"
                + " prev_hash, hash) VALUES (?, ?, 'IN', ?, 'text/plain', 'x', 'ACCEPTED', ?, '', '')",
                second, system, ref, T0.plusSeconds(second));
        return second;
    }

    private void kase(String caseId, String linkedTo, int second) {
        jdbc.update("INSERT INTO hub_case (case_id, source_system, source_id, status, data, created_at, updated_at,"
                + " linked_to) VALUES (?, 'petition', ?, 'RECEIVED', '{}', ?, ?, ?)",
                caseId, "SRC-" + caseId, T0.plusSeconds(second), T0.plusSeconds(second), linkedTo);
    }

    private List<Long> ids(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> rs.getLong(1), args);
    }

    private String plan(String sql, Object... args) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, args)).toUpperCase();
    }
}
