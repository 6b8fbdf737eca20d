package org.disputehub.hub.cockpit;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The open RED cases, read through {@code hub_case (risk_level, status, created_at)}. */
@Service
class RedCaseList {

    static final String OPEN_RED = " FROM hub_case WHERE risk_level = 'RED' AND status IN ('RECEIVED', 'DISPATCHED',"
            + " 'SIGNED', 'ARRIVED', 'HANDLING', 'RESOLVED', 'UNRESOLVED', 'RETURNED') AND linked_to IS NULL";

    private final JdbcTemplate jdbc;
    private final CockpitDays days;
    private final DepartmentNames departments;
    private final CockpitProperties props;

    RedCaseList(JdbcTemplate jdbc, CockpitDays days, DepartmentNames departments, CockpitProperties props) {
        this.jdbc = jdbc;
        this.days = days;
        this.departments = departments;
        this.props = props;
    }

    RedCases now() {
        Long open = jdbc.queryForObject("SELECT COUNT(*)" + OPEN_RED, Long.class);
        OffsetDateTime today = days.start(days.today());
        Long received = jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE risk_level = 'RED' AND created_at >= ?"
                + " AND created_at < ?", Long.class, today, today.plusDays(1));
        List<RedCases.Case> cases = jdbc.query("SELECT case_id, source_system, status, dept_code, created_at, data"
                + OPEN_RED + " ORDER BY created_at DESC, case_id LIMIT ?", (rs, i) -> new RedCases.Case(rs.getString(1),
                CaseTitles.of(rs.getString(6)), rs.getString(2), rs.getString(3), rs.getString(4),
                departments.name(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                CaseTitles.riskReasons(rs.getString(6))), props.listLimit());
        return new RedCases(open == null ? 0 : open, received == null ? 0 : received, cases);
    }
}
