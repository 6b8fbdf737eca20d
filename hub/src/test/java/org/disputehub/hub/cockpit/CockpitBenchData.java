package org.disputehub.hub.cockpit;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of cases for {@link CockpitBenchmark}, loaded with {@code generate_series}: one case every 365 d / n, from the
 * five origin systems, eight departments; older than two days closed (95 %), revisited or withdrawn, the last two days
 * spread over every status of the loop; 3 % RED; each case dispatched with its four SLA clocks and its status events;
 * a phone and an address key per case (250 000 callers, 50 000 addresses, a few hot ones).
 */
final class CockpitBenchData {

    private static final String RANK = "CASE c.status WHEN 'DISPATCHED' THEN 1 WHEN 'SIGNED' THEN 2 WHEN 'ARRIVED' THEN 3"
            + " WHEN 'HANDLING' THEN 4 WHEN 'RESOLVED' THEN 5 WHEN 'CLOSED' THEN 6 WHEN 'REVISITED' THEN 7 ELSE 0 END";

    private CockpitBenchData() {
    }

    static void load(JdbcTemplate jdbc, long n) {
        String series = "(SELECT g, now() - g * (interval '365 days' / " + n + ") AS t FROM generate_series(1, " + n + ") g) s";
        jdbc.execute("INSERT INTO hub_case (case_id, source_system, source_id, status, dept_code, dispatch_no, category_code,"
                + " region_code, reported_at, created_at, updated_at, data, is_repeat, risk_level, category_major)"
                + " SELECT 'HUB-B-' || g, (ARRAY['HOTLINE12345','ALARM110','PETITION','ODR','LABOR','HOTLINE12345'])[1 + g % 6],"
                + " 'S' || g, CASE WHEN t > now() - interval '2 days'"
                + " THEN (ARRAY['DISPATCHED','SIGNED','ARRIVED','HANDLING','RESOLVED','CLOSED'])[1 + g % 6]"
                + " WHEN g % 100 < 95 THEN 'CLOSED' WHEN g % 100 < 98 THEN 'REVISITED' ELSE 'WITHDRAWN' END,"
                + " (ARRAY['330108-ZF-001','330108-WY-001','330108-LB-002','330108-TJ-003','330108-ZX-000','330108-SJ-005',"
                + "'330108-JT-006','330108-HB-007'])[1 + g % 8], 1, 'C0' || (100 + g % 75), '330108', t, t, t,"
                + " '{\"caseId\":\"HUB-B-' || g || '\",\"title\":\"测试事项' || g || '\",\"description\":\"'"
                + " || repeat('纠纷情况描述', 40) || '\",\"parties\":[{\"role\":\"REPORTER\",\"name\":\"张三\",\"phone\":\"139'"
                + " || lpad((g % 250000)::text, 8, '0') || '\"}],\"location\":{\"address\":\"杭州市滨江区某路' || (g % 50000)"
                + " || '号\",\"regionCode\":\"330108\"},\"risk\":{\"level\":\"' || CASE WHEN g % 33 = 0 THEN 'RED'"
                + " WHEN g % 6 = 0 THEN 'YELLOW' ELSE 'GREEN' END || '\",\"reasons\":[\"R01 群体性\"]}}',"
                + " g % 10 = 0, CASE WHEN g % 33 = 0 THEN 'RED' WHEN g % 6 = 0 THEN 'YELLOW' ELSE 'GREEN' END, '求助纠纷类'"
                + " FROM " + series);
        jdbc.execute("INSERT INTO dispatch (case_id, dispatch_no, dept_code, channel, state, created_at, sent_at)"
                + " SELECT case_id, 1, dept_code, 'http', 'SENT', created_at, created_at + interval '10 seconds' FROM hub_case");
        jdbc.execute("INSERT INTO sla_clock (case_id, dispatch_no, kind, dept_code, due_at, met_at)"
                + " SELECT c.case_id, 1, k.kind, c.dept_code, c.created_at + k.due,"
                + " CASE WHEN " + RANK + " >= k.rnk THEN c.created_at + k.took END FROM hub_case c CROSS JOIN (VALUES"
                + " ('SIGN', interval '70 seconds', interval '50 seconds', 2), ('ARRIVE', interval '610 seconds', interval '8 minutes', 3),"
                + " ('HANDLE', interval '30 minutes', interval '20 minutes', 4), ('CLOSE', interval '24 hours', interval '2 hours', 6))"
                + " k(kind, due, took, rnk)");
        jdbc.execute("INSERT INTO status_event (event_id, case_id, status, outcome, occurred_at, recorded_at, actor_dept, origin)"
                + " SELECT c.case_id || ':' || e.status, c.case_id, e.status, 'ALLOWED', c.created_at + e.took,"
                + " c.created_at + e.took, c.dept_code, 'DEPARTMENT' FROM hub_case c CROSS JOIN (VALUES"
                + " ('SIGNED', interval '50 seconds', 2), ('ARRIVED', interval '8 minutes', 3), ('RESOLVED', interval '1 hour', 5),"
                + " ('CLOSED', interval '2 hours', 6)) e(status, took, rnk) WHERE " + RANK + " >= e.rnk");
        jdbc.execute("INSERT INTO case_key (kind, key_hash, case_id, reported_at)"
                + " SELECT 'PHONE', CASE WHEN g % 997 = 0 THEN md5('HOT' || g % 5) ELSE md5('P' || g % 250000) END,"
                + " 'HUB-B-' || g, t FROM " + series);
        jdbc.execute("INSERT INTO case_key (kind, key_hash, case_id, reported_at)"
                + " SELECT 'ADDR', md5('A' || g % 50000), 'HUB-B-' || g, t FROM " + series);
    }

    /** EXPLAIN ANALYZE of the main query of each part. */
    static String plans(JdbcTemplate jdbc, CockpitDays days) {
        OffsetDateTime today = days.start(days.today());
        StringBuilder out = new StringBuilder("Plans (EXPLAIN ANALYZE):\n\n```\n");
        for (Object[] q : List.of(
                new Object[] {"intake", "SELECT source_system, status, COUNT(*) FROM hub_case WHERE created_at >= ?"
                        + " AND created_at < ? GROUP BY source_system, status", today, today.plusDays(1)},
                new Object[] {"kpis: one day of KpiService (its dispatch query)", "SELECT COUNT(*) FROM dispatch d"
                        + " WHERE d.state = 'SENT' AND d.sent_at >= ? AND d.sent_at < ?", today, today.plusDays(1)},
                new Object[] {"kpis: one day of KpiService (its main query)", "SELECT d.dept_code, (SELECT MIN(e.occurred_at)"
                        + " FROM status_event e WHERE e.case_id = d.case_id AND e.outcome = 'ALLOWED' AND e.actor_dept = d.dept_code"
                        + " AND e.status IN ('SIGNED','ARRIVED','HANDLING','RESOLVED','UNRESOLVED','CLOSED','REVISITED')) AS signed_at,"
                        + " (SELECT c.due_at FROM sla_clock c WHERE c.case_id = d.case_id AND c.dispatch_no = d.dispatch_no"
                        + " AND c.kind = 'ARRIVE') AS arrive_due FROM dispatch d WHERE d.state = 'SENT' AND d.sent_at >= ?"
                        + " AND d.sent_at < ?", today.minusDays(1), today},
                new Object[] {"waiting", "SELECT c.case_id, s.due_at FROM hub_case c JOIN sla_clock s ON s.case_id = c.case_id"
                        + " AND s.dispatch_no = c.dispatch_no AND s.kind = CASE WHEN c.status = 'DISPATCHED' THEN 'SIGN'"
                        + " ELSE 'ARRIVE' END WHERE c.status IN ('DISPATCHED', 'SIGNED') ORDER BY s.due_at LIMIT 50"},
                new Object[] {"red", "SELECT case_id" + RedCaseList.OPEN_RED + " ORDER BY created_at DESC LIMIT 50"},
                new Object[] {"hotspots", "SELECT key_hash, COUNT(*) AS reports, MAX(reported_at) AS last FROM case_key"
                        + " WHERE kind = 'ADDR' AND reported_at >= ? GROUP BY key_hash HAVING COUNT(*) > 1"
                        + " ORDER BY reports DESC, last DESC LIMIT 50", days.now().minusDays(30)})) {
            Object[] args = java.util.Arrays.copyOfRange(q, 2, q.length);
            out.append("-- ").append(q[0]).append('\n');
            jdbc.queryForList("EXPLAIN ANALYZE " + q[1], String.class, args).forEach(l -> out.append(l).append('\n'));
            out.append('\n');
        }
        return out.append("```\n").toString();
    }
}
