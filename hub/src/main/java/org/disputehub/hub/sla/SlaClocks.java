package org.disputehub.hub.sla;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.disputehub.canonical.model.Assignment.Deadlines;
import org.disputehub.canonical.model.CaseStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SLA clocks of each dispatch: started at dispatch, met by status events, escalated at most once. */
@Repository
public class SlaClocks {

    public enum Kind { SIGN, ARRIVE, HANDLE, CLOSE }

    public record Due(String caseId, int dispatchNo, Kind kind, String deptCode, OffsetDateTime dueAt) {
    }

    /** Which deadlines a status meets (everything up to its place in the loop). */
    private static final Map<CaseStatus, List<Kind>> MEETS = Map.of(
            CaseStatus.SIGNED, List.of(Kind.SIGN),
            CaseStatus.ARRIVED, List.of(Kind.SIGN, Kind.ARRIVE),
            CaseStatus.HANDLING, List.of(Kind.SIGN, Kind.ARRIVE, Kind.HANDLE),
            CaseStatus.RESOLVED, List.of(Kind.SIGN, Kind.ARRIVE, Kind.HANDLE),
            CaseStatus.UNRESOLVED, List.of(Kind.SIGN, Kind.ARRIVE, Kind.HANDLE),
            CaseStatus.CLOSED, List.of(Kind.values()),
            CaseStatus.REVISITED, List.of(Kind.values()));

    private final JdbcTemplate jdbc;

    public SlaClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void start(String caseId, int dispatchNo, String deptCode, Deadlines d) {
        jdbc.batchUpdate("INSERT INTO sla_clock (case_id, dispatch_no, kind, dept_code, due_at) VALUES (?, ?, ?, ?, ?)",
                List.of(new Object[] {caseId, dispatchNo, Kind.SIGN.name(), deptCode, d.signBy()},
                        new Object[] {caseId, dispatchNo, Kind.ARRIVE.name(), deptCode, d.arriveBy()},
                        new Object[] {caseId, dispatchNo, Kind.HANDLE.name(), deptCode, d.handleBy()},
                        new Object[] {caseId, dispatchNo, Kind.CLOSE.name(), deptCode, d.closeBy()}));
    }

    /** Records the deadlines a status event meets (the earliest time stands), in one statement. */
    public void meet(String caseId, int dispatchNo, CaseStatus status, OffsetDateTime at) {
        List<Kind> kinds = MEETS.getOrDefault(status, List.of());
        if (kinds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(at, caseId, dispatchNo));
        kinds.forEach(k -> args.add(k.name()));
        jdbc.update("UPDATE sla_clock SET met_at = ? WHERE case_id = ? AND dispatch_no = ? AND met_at IS NULL AND kind IN ("
                + String.join(", ", Collections.nCopies(kinds.size(), "?")) + ")", args.toArray());
    }

    /** Stops every open clock of a case (returned, withdrawn): nothing is due any more. */
    public void stop(String caseId, OffsetDateTime at) {
        jdbc.update("UPDATE sla_clock SET met_at = ? WHERE case_id = ? AND met_at IS NULL", at, caseId);
    }

    public List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.query("SELECT case_id, dispatch_no, kind, dept_code, due_at FROM sla_clock WHERE met_at IS NULL"
                        + " AND escalated_at IS NULL AND due_at < ? ORDER BY due_at LIMIT ?",
                (rs, i) -> new Due(rs.getString(1), rs.getInt(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), now, limit);
    }

    /** Claims the escalation of one missed deadline; false if another checker (or instance) already did. */
    public boolean claimEscalation(Due due, OffsetDateTime now) {
        return jdbc.update("UPDATE sla_clock SET escalated_at = ? WHERE case_id = ? AND dispatch_no = ? AND kind = ?"
                + " AND escalated_at IS NULL AND met_at IS NULL", now, due.caseId(), due.dispatchNo(), due.kind().name()) == 1;
    }
}
