package org.disputehub.hub.cockpit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The cases waiting for sign-off or arrival: the open cases in status DISPATCHED or SIGNED ({@code hub_case (status,
 * dept_code)}) and the SIGN or ARRIVE clock of their current dispatch ({@code sla_clock}'s key). Linked reports,
 * which have no dispatch of their own, are not listed.
 */
@Service
class WaitingCases {

    private static final String WAITING = " FROM hub_case c JOIN sla_clock s ON s.case_id = c.case_id"
            + " AND s.dispatch_no = c.dispatch_no AND s.kind = CASE WHEN c.status = 'DISPATCHED' THEN 'SIGN' ELSE 'ARRIVE' END"
            + " WHERE c.status IN ('DISPATCHED', 'SIGNED')";

    private final JdbcTemplate jdbc;
    private final CockpitDays days;
    private final DepartmentNames departments;
    private final CockpitProperties props;

    WaitingCases(JdbcTemplate jdbc, CockpitDays days, DepartmentNames departments, CockpitProperties props) {
        this.jdbc = jdbc;
        this.days = days;
        this.departments = departments;
        this.props = props;
    }

    Waiting now() {
        OffsetDateTime at = days.now();
        long[] n = new long[3];
        jdbc.query("SELECT c.status, COUNT(*), SUM(CASE WHEN s.due_at < ? THEN 1 ELSE 0 END)" + WAITING
                + " GROUP BY c.status", rs -> {
                    n["DISPATCHED".equals(rs.getString(1)) ? 0 : 1] = rs.getLong(2);
                    n[2] += rs.getLong(3);
                }, at);
        List<Waiting.Case> cases = jdbc.query("SELECT c.case_id, c.source_system, c.dept_code, s.kind, c.status,"
                + " s.due_at, c.risk_level, c.data" + WAITING + " ORDER BY s.due_at, c.case_id LIMIT ?", (rs, i) -> {
                    OffsetDateTime due = rs.getObject(6, OffsetDateTime.class);
                    return new Waiting.Case(rs.getString(1), CaseTitles.of(rs.getString(8)), rs.getString(2),
                            rs.getString(3), departments.name(rs.getString(3)), rs.getString(4), rs.getString(5), due,
                            Duration.between(at, due).toSeconds(), rs.getString(7));
                }, props.listLimit());
        return new Waiting(at, n[0] + n[1], n[0], n[1], n[2], cases);
    }
}
