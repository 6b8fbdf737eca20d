package org.disputehub.hub.kpi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the KPIs from the store. A dispatch counts for the department it went to, in the period it was
 * handed over: 签收率 = dispatches signed by that department / dispatches; 按时到点率 = arrivals by the arrival
 * deadline / dispatches whose deadline passed or that arrived; 办结反馈率 = dispatches with a result fed back
 * (RESOLVED, UNRESOLVED, CLOSED) / dispatches; 事项化解率 = RESOLVED / (RESOLVED + UNRESOLVED); 重复报警率 =
 * cases received in the period that repeat an earlier report / cases received.
 */
@Service
public class KpiService {

    private static final String LATER_THAN_SIGN = "'SIGNED','ARRIVED','HANDLING','RESOLVED','UNRESOLVED','CLOSED','REVISITED'";
    private static final String LATER_THAN_ARRIVE = "'ARRIVED','HANDLING','RESOLVED','UNRESOLVED','CLOSED','REVISITED'";
    private static final String FEEDBACK = "'RESOLVED','UNRESOLVED','CLOSED','REVISITED'";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public KpiService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static String first(String statuses) {
        return "(SELECT MIN(e.occurred_at) FROM status_event e WHERE e.case_id = d.case_id AND e.outcome = 'ALLOWED'"
                + " AND e.actor_dept = d.dept_code AND e.status IN (" + statuses + "))";
    }

    private static String count(String status) {
        return "(SELECT COUNT(*) FROM status_event e WHERE e.case_id = d.case_id AND e.outcome = 'ALLOWED'"
                + " AND e.actor_dept = d.dept_code AND e.status = '" + status + "')";
    }

    private static final class Tally {
        long dispatched;
        long signed;
        long arrivalDue;
        long arrivedOnTime;
        long feedback;
        long resolved;
        long unresolved;
        long received;
        long repeats;
    }

    @Transactional(readOnly = true)
    public Kpis compute(OffsetDateTime from, OffsetDateTime to, String deptCode) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Tally> byDept = new TreeMap<>();
        String deptFilter = deptCode == null ? "" : " AND d.dept_code = ?";
        Object[] args = deptCode == null ? new Object[] {from, to} : new Object[] {from, to, deptCode};
        jdbc.query("SELECT d.dept_code, " + first(LATER_THAN_SIGN) + " AS signed_at, " + first(LATER_THAN_ARRIVE)
                + " AS arrived_at, " + first(FEEDBACK) + " AS feedback_at, " + count("RESOLVED") + " AS resolved, "
                + count("UNRESOLVED") + " AS unresolved, (SELECT c.due_at FROM sla_clock c WHERE c.case_id = d.case_id"
                + " AND c.dispatch_no = d.dispatch_no AND c.kind = 'ARRIVE') AS arrive_due"
                + " FROM dispatch d WHERE d.state = 'SENT' AND d.sent_at >= ? AND d.sent_at < ?" + deptFilter, rs -> {
            Tally t = byDept.computeIfAbsent(rs.getString("dept_code"), k -> new Tally());
            t.dispatched++;
            OffsetDateTime arrived = rs.getObject("arrived_at", OffsetDateTime.class);
            OffsetDateTime due = rs.getObject("arrive_due", OffsetDateTime.class);
            t.signed += rs.getObject("signed_at") != null ? 1 : 0;
            if (due != null && (arrived != null || due.isBefore(now))) {
                t.arrivalDue++;
                t.arrivedOnTime += arrived != null && !arrived.isAfter(due) ? 1 : 0;
            }
            t.feedback += rs.getObject("feedback_at") != null ? 1 : 0;
            t.resolved += rs.getLong("resolved") > 0 ? 1 : 0;
            t.unresolved += rs.getLong("unresolved") > 0 ? 1 : 0;
        }, args);
        // a linked report counts for the department handling its case; a repeat is a linked report, a case the
        // source marked as repeated, or a reporter's repeated report (hub.linking.repeat-reporter-cases)
        jdbc.query("SELECT COALESCE(d.dept_code, p.dept_code) AS dept, d.is_repeat FROM hub_case d"
                + " LEFT JOIN hub_case p ON p.case_id = d.linked_to WHERE d.created_at >= ? AND d.created_at < ?"
                + deptFilter.replace("d.dept_code", "COALESCE(d.dept_code, p.dept_code)"), rs -> {
            Tally t = byDept.computeIfAbsent(rs.getString("dept"), k -> new Tally());
            t.received++;
            t.repeats += rs.getBoolean("is_repeat") ? 1 : 0;
        }, args);
        Tally total = new Tally();
        List<Kpis> per = new ArrayList<>();
        byDept.forEach((dept, t) -> {
            add(total, t);
            per.add(kpis(from, to, dept, t, List.of()));
        });
        return kpis(from, to, deptCode, total, deptCode == null ? per : List.of());
    }

    private static Kpis kpis(OffsetDateTime from, OffsetDateTime to, String dept, Tally t, List<Kpis> per) {
        return new Kpis(from, to, dept,
                Kpis.Indicator.of("签收率", t.signed, t.dispatched),
                Kpis.Indicator.of("按时到点率", t.arrivedOnTime, t.arrivalDue),
                Kpis.Indicator.of("办结反馈率", t.feedback, t.dispatched),
                Kpis.Indicator.of("事项化解率", t.resolved, t.resolved + t.unresolved),
                Kpis.Indicator.of("重复报警率", t.repeats, t.received), per);
    }

    private static void add(Tally sum, Tally t) {
        sum.dispatched += t.dispatched;
        sum.signed += t.signed;
        sum.arrivalDue += t.arrivalDue;
        sum.arrivedOnTime += t.arrivedOnTime;
        sum.feedback += t.feedback;
        sum.resolved += t.resolved;
        sum.unresolved += t.unresolved;
        sum.received += t.received;
        sum.repeats += t.repeats;
    }
}
