package org.disputehub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the hub recorded, read straight from its PostgreSQL schema (the join between source ids and case ids). */
final class Ledger {

    /** A case as stored; {@code linkedTo} is set for a report linked to an earlier case of the same matter. */
    record Case(String caseId, String system, String sourceId, String status, Instant createdAt, String linkedTo) {
    }

    record DispatchRow(String caseId, int dispatchNo, String dept, String channel, String state) {
        String key() {
            return caseId + ":" + dispatchNo;
        }
    }

    record Event(String eventId, String caseId, String status, String outcome) {
    }

    private final String url;
    private final String user;

    Ledger(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Work the hub has done: cases stored plus status events applied. */
    int progress() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM hub_case) + (SELECT COUNT(*) FROM status_event)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    Map<String, Case> cases() throws SQLException {
        Map<String, Case> out = new LinkedHashMap<>();
        query("SELECT case_id, source_system, source_id, status, created_at, linked_to FROM hub_case ORDER BY created_at", rs ->
                out.put(rs.getString(1), new Case(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))));
        return out;
    }

    List<DispatchRow> dispatches() throws SQLException {
        List<DispatchRow> out = new ArrayList<>();
        query("SELECT case_id, dispatch_no, dept_code, channel, state FROM dispatch ORDER BY case_id, dispatch_no", rs ->
                out.add(new DispatchRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))));
        return out;
    }

    /** Status events in the order the hub applied them (recorded_at), per case. */
    List<Event> events() throws SQLException {
        List<Event> out = new ArrayList<>();
        query("SELECT event_id, case_id, status, outcome FROM status_event ORDER BY case_id, seq", rs ->
                out.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        return out;
    }

    int count(String sql) throws SQLException {
        int[] n = new int[1];
        query(sql, rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    /** What the audit log says of a source message: outcome and reason of each record. */
    List<String> rawOutcomes(String system, String ref) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT direction, outcome, reason FROM raw_message WHERE system = ? AND ref = ? ORDER BY id")) {
            ps.setString(1, system);
            ps.setString(2, ref);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
                }
            }
            try (PreparedStatement records = c.prepareStatement("SELECT source_id, version, case_id FROM source_record"
                    + " WHERE system = ? AND source_id LIKE ?")) {
                records.setString(1, system);
                records.setString(2, ref + "%");
                try (ResultSet rs = records.executeQuery()) {
                    while (rs.next()) {
                        out.add("source_record " + rs.getString(1) + " " + rs.getString(2) + " case " + rs.getString(3));
                    }
                }
            }
        }
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
