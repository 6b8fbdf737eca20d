package org.disputehub.hub.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Case search over {@code hub_case}: each filter is a column with an index that starts with it and goes on with
 * {@code received_at DESC} (migration V9), so a page is read from one index in the order it is returned and the
 * count from the same index.
 */
@Repository
public class CaseSearch {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String ORDER = " ORDER BY received_at DESC, case_id DESC";
    private static final String COLUMNS = "case_id, source_system, source_id, status, escalated, dept_code, risk_level,"
            + " linked_to, received_at, updated_at, data";

    private final JdbcTemplate jdbc;

    public CaseSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CasePage search(CaseCriteria c) {
        List<Object> args = new ArrayList<>();
        String where = where(c, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM hub_case" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(c.size());
        pageArgs.add((long) c.page() * c.size());
        List<CaseSummary> items = jdbc.query("SELECT " + COLUMNS + " FROM hub_case" + where + ORDER + " LIMIT ? OFFSET ?",
                (rs, i) -> summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class), rs.getString(11)),
                pageArgs.toArray());
        return new CasePage(total == null ? 0 : total, c.page(), c.size(), items);
    }

    /** The WHERE clause of the criteria (empty when there is no filter), its arguments appended to {@code args}. */
    static String where(CaseCriteria c, List<Object> args) {
        List<String> terms = new ArrayList<>();
        add(terms, args, "source_system = ?", c.source());
        add(terms, args, "source_id = ?", c.sourceId());
        add(terms, args, "status = ?", c.status() == null ? null : c.status().name());
        add(terms, args, "dept_code = ?", c.deptCode());
        add(terms, args, "risk_level = ?", c.risk() == null ? null : c.risk().name());
        add(terms, args, "received_at >= ?", c.from());
        add(terms, args, "received_at < ?", c.to());
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static void add(List<String> terms, List<Object> args, String term, Object value) {
        if (value != null) {
            terms.add(term);
            args.add(value);
        }
    }

    private static CaseSummary summary(String caseId, String system, String sourceId, String status, boolean escalated,
                                       String deptCode, String risk, String linkedTo, OffsetDateTime receivedAt,
                                       OffsetDateTime updatedAt, String data) {
        JsonNode d = Json.read(data, JsonNode.class);
        JsonNode cat = d.path("category");
        return new CaseSummary(caseId, new CaseSummary.Source(system, sourceId), text(d.path("title")),
                new CaseSummary.Category(text(cat.path("major")), text(cat.path("code")), text(cat.path("name"))),
                risk, deptCode, status, escalated, linkedTo, local(receivedAt), local(updatedAt),
                "/api/v1/cases/" + caseId);
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** Times as the contracts give them: Asia/Shanghai, +08:00. */
    public static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
}
