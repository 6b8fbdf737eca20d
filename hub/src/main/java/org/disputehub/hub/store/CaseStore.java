package org.disputehub.hub.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.CaseIds;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Cases, dispatches and status events in the relational store. Callers own the transactions. */
@Repository
public class CaseStore {

    private static final String CASE_COLUMNS =
            "case_id, source_system, source_id, status, escalated, dept_code, dispatch_no, data, has_reports";
    private static final RowMapper<StoredCase> CASE = (rs, i) -> new StoredCase(rs.getString(1), rs.getString(2),
            rs.getString(3), CaseStatus.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6), rs.getInt(7),
            rs.getString(8), rs.getBoolean(9));

    public record DispatchRow(int dispatchNo, String deptCode, String channel, String state,
                              OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    public record EventRow(String eventId, String status, String fromStatus, String outcome, OffsetDateTime occurredAt,
                           OffsetDateTime recordedAt, String actorDept, String actorName, String note, String origin) {

        /** The event as recorded, of case {@code caseId} (for a relay sent again). */
        public StatusEvent asEvent(String caseId) {
            return new StatusEvent(eventId, caseId, CaseStatus.valueOf(status), occurredAt,
                    actorDept == null ? null : new StatusEvent.Actor(actorDept, actorName), note, origin);
        }
    }

    private final JdbcTemplate jdbc;

    public CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new case id of {@code day} ({@link CaseIds}). */
    public String nextCaseId(LocalDate day) {
        return CaseIds.next(jdbc, day);
    }

    public Optional<StoredCase> find(String caseId) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM hub_case WHERE case_id = ?", CASE, caseId).stream().findFirst();
    }

    /** Reads and locks the case row until the transaction ends: status changes of one case are serialised. */
    public Optional<StoredCase> lock(String caseId) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM hub_case WHERE case_id = ? FOR UPDATE", CASE, caseId)
                .stream().findFirst();
    }

    public Optional<StoredCase> findBySource(String system, String sourceId) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM hub_case WHERE source_system = ? AND source_id = ?",
                CASE, system, sourceId).stream().findFirst();
    }

    /**
     * What linking found for a new case, stored with its row: repeat counts, the case it joined (score, matched
     * signals) and what later reports are scored against (normalised address, major category class).
     */
    public record LinkColumns(int reporterCount, int locationCount, boolean repeat, String linkedTo, Double score,
                              String rule, String address, String categoryMajor) {

        /** A case stored without linking (tests, fixtures). */
        public static final LinkColumns NONE = new LinkColumns(0, 0, false, null, null, null, null, null);
    }

    /** Stores a new case without linking columns. */
    public StoredCase insert(CanonicalCase c, OffsetDateTime now) {
        return insert(c, now, LinkColumns.NONE);
    }

    /** Stores a new case and returns its row as stored (so that the stage need not read it back). */
    public StoredCase insert(CanonicalCase c, OffsetDateTime now, LinkColumns links) {
        String data = Json.write(c);
        jdbc.update(INSERT_CASE, c.caseId(), c.source().system(), c.source().sourceId(), c.status().name(),
                c.assignment() == null ? null : c.assignment().deptCode(),
                c.assignment() == null ? 0 : c.assignment().dispatchNo(),
                c.category().code(), c.location().regionCode(), c.reportedAt(), now, now, data,
                c.related() == null ? 0 : c.related().repeatCount(),
                c.source().receivedAt() == null ? now : c.source().receivedAt(), riskLevel(c),
                links.reporterCount(), links.locationCount(), links.repeat(), links.linkedTo(), links.score(),
                links.rule(), links.address(), links.categoryMajor());
        return new StoredCase(c.caseId(), c.source().system(), c.source().sourceId(), c.status(), false,
                c.assignment() == null ? null : c.assignment().deptCode(),
                c.assignment() == null ? 0 : c.assignment().dispatchNo(), data, false);
    }

    private static final String INSERT_CASE = "INSERT INTO hub_case (case_id, source_system, source_id, status,"
            + " dept_code, dispatch_no, category_code, region_code, reported_at, created_at, updated_at, data,"
            + " repeat_count, received_at, risk_level, reporter_count, location_count, is_repeat, linked_to, link_score,"
            + " link_rule, link_address, category_major)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public void updateData(CanonicalCase c, OffsetDateTime now) {
        jdbc.update("UPDATE hub_case SET data = ?, category_code = ?, region_code = ?, risk_level = ?, updated_at = ?"
                        + " WHERE case_id = ?",
                Json.write(c), c.category().code(), c.location().regionCode(), riskLevel(c), now, c.caseId());
    }

    private static String riskLevel(CanonicalCase c) {
        return c.risk() == null || c.risk().level() == null ? null : c.risk().level().name();
    }

    public void updateStatus(String caseId, CaseStatus status, boolean escalated, OffsetDateTime now) {
        jdbc.update("UPDATE hub_case SET status = ?, escalated = ?, updated_at = ? WHERE case_id = ?",
                status.name(), escalated, now, caseId);
    }

    public void insertDispatch(String caseId, int dispatchNo, String deptCode, String channel, OffsetDateTime now) {
        jdbc.update("INSERT INTO dispatch (case_id, dispatch_no, dept_code, channel, state, created_at)"
                + " VALUES (?, ?, ?, ?, 'PENDING', ?)", caseId, dispatchNo, deptCode, channel, now);
    }

    /** Marks a dispatch delivered; false if it already was (a redelivered dispatch message). */
    public boolean markDispatched(String caseId, int dispatchNo, OffsetDateTime now) {
        return jdbc.update("UPDATE dispatch SET state = 'SENT', sent_at = ?, claimed_until = NULL WHERE case_id = ?"
                + " AND dispatch_no = ? AND state <> 'SENT'", now, caseId, dispatchNo) == 1;
    }

    /** What {@link #claimDispatch} found: the copy may send, or the order was sent, or another copy is sending it. */
    public enum Claim { CLAIMED, SENT, IN_FLIGHT, UNKNOWN }

    /**
     * Claims a dispatch for one send until {@code until}, unless it was sent or another copy holds an unexpired claim
     * (one atomic update: two consumers of two copies of one order never both get it).
     */
    public Claim claimDispatch(String caseId, int dispatchNo, OffsetDateTime now, OffsetDateTime until) {
        if (jdbc.update("UPDATE dispatch SET claimed_until = ? WHERE case_id = ? AND dispatch_no = ? AND state <> 'SENT'"
                + " AND (claimed_until IS NULL OR claimed_until < ?)", until, caseId, dispatchNo, now) == 1) {
            return Claim.CLAIMED;
        }
        List<String> state = jdbc.queryForList("SELECT state FROM dispatch WHERE case_id = ? AND dispatch_no = ?",
                String.class, caseId, dispatchNo);
        return state.isEmpty() ? Claim.UNKNOWN : "SENT".equals(state.get(0)) ? Claim.SENT : Claim.IN_FLIGHT;
    }

    /** Gives up a claim after a failed send, so that the next attempt need not wait for the lease to run out. */
    public void releaseDispatch(String caseId, int dispatchNo) {
        jdbc.update("UPDATE dispatch SET claimed_until = NULL WHERE case_id = ? AND dispatch_no = ? AND state <> 'SENT'",
                caseId, dispatchNo);
    }

    /** The department of a dispatch said the case is not theirs. */
    public void markReturned(String caseId, int dispatchNo, OffsetDateTime now) {
        jdbc.update("UPDATE dispatch SET returned_at = ? WHERE case_id = ? AND dispatch_no = ?", now, caseId, dispatchNo);
    }

    /** The departments that returned a case. */
    public java.util.Set<String> returnedBy(String caseId) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT dept_code FROM dispatch WHERE case_id = ?"
                + " AND returned_at IS NOT NULL", String.class, caseId));
    }

    /** Points the case at its new assignment (the canonical data carries it too). */
    public void reassign(CanonicalCase c, OffsetDateTime now) {
        jdbc.update("UPDATE hub_case SET dept_code = ?, dispatch_no = ?, data = ?, updated_at = ? WHERE case_id = ?",
                c.assignment().deptCode(), c.assignment().dispatchNo(), Json.write(c), now, c.caseId());
    }

    public List<DispatchRow> dispatches(String caseId) {
        return jdbc.query("SELECT dispatch_no, dept_code, channel, state, created_at, sent_at FROM dispatch"
                        + " WHERE case_id = ? ORDER BY dispatch_no",
                (rs, i) -> new DispatchRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)), caseId);
    }

    public Optional<EventRow> event(String eventId) {
        return jdbc.query("SELECT event_id, status, from_status, outcome, occurred_at, recorded_at, actor_dept,"
                + " actor_name, note, origin FROM status_event WHERE event_id = ?", EVENT, eventId).stream().findFirst();
    }

    public List<EventRow> events(String caseId) {
        return jdbc.query("SELECT event_id, status, from_status, outcome, occurred_at, recorded_at, actor_dept,"
                + " actor_name, note, origin FROM status_event WHERE case_id = ? ORDER BY seq",
                EVENT, caseId);
    }

    public void insertEvent(StatusEvent e, CaseStatus from, Transition outcome, OffsetDateTime now) {
        jdbc.update(INSERT_EVENT, eventRow(e, from, outcome, now));
    }

    /**
     * Records an event unless one with its id is recorded already: true if it was recorded now. One statement where a
     * look-up and an insert were two; the look-up ({@link #event}) is left for the event already recorded.
     */
    public boolean insertEventIfAbsent(StatusEvent e, CaseStatus from, Transition outcome, OffsetDateTime now) {
        return jdbc.update(INSERT_EVENT + " ON CONFLICT DO NOTHING", eventRow(e, from, outcome, now)) == 1;
    }

    private static final String INSERT_EVENT = "INSERT INTO status_event (event_id, case_id, status, from_status, outcome,"
            + " occurred_at, recorded_at, actor_dept, actor_name, note, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] eventRow(StatusEvent e, CaseStatus from, Transition outcome, OffsetDateTime now) {
        return new Object[] {e.eventId(), e.caseId(), e.status().name(), from == null ? null : from.name(),
                outcome.name(), e.occurredAt(), now, e.actor() == null ? null : e.actor().deptCode(),
                e.actor() == null ? null : e.actor().name(), e.note(), e.origin()};
    }

    /** Counts per status, for the summary line and metrics. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM hub_case GROUP BY status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static final RowMapper<EventRow> EVENT = (rs, i) -> new EventRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
            rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
}
