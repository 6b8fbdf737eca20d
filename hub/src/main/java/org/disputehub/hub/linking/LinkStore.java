package org.disputehub.hub.linking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The lookups behind linking and repeat counts, each served by an index (V6 migration): {@code case_key
 * (kind, key_hash, reported_at)} for people, addresses and the neighbours at a house number, {@code hub_case
 * (region_code, category_code, reported_at)} for the other neighbours. Only open cases inside the window are candidates.
 */
@Repository
public class LinkStore {

    /** A candidate: an earlier case, the case it is linked to (if any) and its stored data. */
    /** A candidate as scored: its system, category, region and normalised address (no personal data beyond that). */
    public record Candidate(String caseId, String linkedTo, String system, String categoryCode, String major,
                            String regionCode, String address) {
    }

    /** Repeat counts stop here. */
    static final int COUNT_CAP = 1000;

    static final String OPEN = "status NOT IN ('CLOSED', 'REVISITED', 'WITHDRAWN')";

    private final JdbcTemplate jdbc;

    public LinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CANDIDATE = "c.case_id, c.linked_to, c.source_system, c.category_code,"
            + " c.category_major, c.region_code, c.link_address";
    private static final RowMapper<Candidate> CANDIDATE_ROW = (rs, n) -> new Candidate(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

    /**
     * Open cases sharing one of the keys, reported since {@code since}, with the keys each shares: up to {@code limit}
     * per key, newest first, in the order of the keys. One statement, one branch per key (each an index range read
     * that stops at the limit — the ORDER BY names the index's leading columns, although the WHERE fixes them, so that
     * H2 reads the index in order instead of sorting every match).
     */
    public Map<Candidate, Set<MatchKeys.Kind>> sharingKeys(Collection<MatchKeys.Key> keys, OffsetDateTime since, int limit) {
        Map<Candidate, Set<MatchKeys.Kind>> found = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<MatchKeys.Key> byBranch = List.copyOf(keys);
        jdbc.query(sharingKeysSql(byBranch.size()), rs -> {
            Candidate c = CANDIDATE_ROW.mapRow(rs, 0);
            found.computeIfAbsent(c, id -> EnumSet.noneOf(MatchKeys.Kind.class)).add(byBranch.get(rs.getInt("b")).kind());
        }, keyArgs(byBranch, since, limit));
        return found;
    }

    /**
     * The parameters of a statement with one branch per key, in the keys' order: each key's kind and hash, then
     * {@code perKey} ({@link #sharingKeysSql}: since, limit; {@link #countEarlierSql}: since).
     */
    static Object[] keyArgs(Collection<MatchKeys.Key> keys, Object... perKey) {
        List<Object> args = new ArrayList<>();
        for (MatchKeys.Key key : keys) {
            args.add(key.kind().name());
            args.add(key.hash());
            args.addAll(List.of(perKey));
        }
        return args.toArray();
    }

    /**
     * The statement of {@link #sharingKeys} for {@code n} keys (parameters: {@link #keyArgs}, then since, limit): the
     * branches' union ordered at the top, not selected from as a derived table — H2 parses a derived table's query
     * again for every plan it weighs (measured: 8 % of the embedded hub's CPU went to parsing this statement).
     */
    static String sharingKeysSql(int n) {
        return union(n, i -> "SELECT " + CANDIDATE + ", " + i + " AS b, k.reported_at AS at FROM case_key k"
                + " JOIN hub_case c ON c.case_id = k.case_id WHERE k.kind = ? AND k.key_hash = ? AND k.reported_at >= ?"
                + " AND c." + OPEN + " ORDER BY k.kind, k.key_hash, k.reported_at DESC LIMIT ?") + " ORDER BY b, at DESC";
    }

    /** {@code n} branches, each in parentheses, as one {@code UNION ALL}: the form both lookups take. */
    private static String union(int n, IntFunction<String> branch) {
        StringJoiner sql = new StringJoiner(" UNION ALL ");
        for (int i = 0; i < n; i++) {
            sql.add("(" + branch.apply(i) + ")");
        }
        return sql.toString();
    }

    /** Open cases of the same category in the same region, reported since {@code since}, newest first. */
    public List<Candidate> neighbours(String regionCode, String categoryCode, OffsetDateTime since, int limit) {
        if (regionCode == null || categoryCode == null) {
            return List.of();
        }
        return jdbc.query("SELECT " + CANDIDATE + " FROM hub_case c WHERE c.region_code = ? AND c.category_code = ?"
                + " AND c.reported_at >= ? AND c." + OPEN + " ORDER BY c.region_code, c.category_code, c.reported_at DESC"
                + " LIMIT ?", CANDIDATE_ROW, regionCode, categoryCode, since, limit);
    }

    /** How many earlier cases (any state) share a reporter's key, and the address, since a moment. */
    public record EarlierCounts(int reporter, int location) {
    }

    /**
     * How many earlier cases (any state) since {@code since} share one of the reporter's keys, and how many the
     * address: one statement, each key's branch read from the key index and stopped at {@link #COUNT_CAP} rows (a
     * caller or an address with thousands of reports costs no more than that); distinct cases counted here, each
     * count capped at {@link #COUNT_CAP}.
     */
    public EarlierCounts countEarlier(Collection<MatchKeys.Key> people, MatchKeys.Key address, OffsetDateTime since) {
        if (people.isEmpty() && address == null) {
            return new EarlierCounts(0, 0);
        }
        List<MatchKeys.Key> keys = new ArrayList<>(people);
        if (address != null) {
            keys.add(address);
        }
        Set<String> reporter = new HashSet<>();
        Set<String> location = new HashSet<>();
        jdbc.query(countEarlierSql(people.size(), address != null),
                rs -> {
                    (rs.getInt(1) == 0 ? reporter : location).add(rs.getString(2));
                }, keyArgs(keys, since));
        return new EarlierCounts(Math.min(reporter.size(), COUNT_CAP), Math.min(location.size(), COUNT_CAP));
    }

    /**
     * The statement of {@link #countEarlier} (parameters: {@link #keyArgs}, then since; the people's keys, then the
     * address's): rows (0 = a reporter's key, 1 = the address; case id). Each key is a branch of its own: H2 reads
     * {@code (kind = ? AND key_hash = ?) OR (…)} by scanning the whole table (measured: 5.5 ms a call at 20 000 keys,
     * growing with the table), one key at a time by the index {@code (kind, key_hash, reported_at)}; and the union is
     * the statement itself, not a derived table that H2 would parse again for every plan it weighs.
     */
    static String countEarlierSql(int people, boolean address) {
        return union(people + (address ? 1 : 0), i -> "SELECT " + (i < people ? 0 : 1) + " AS g, case_id FROM case_key"
                + " WHERE kind = ? AND key_hash = ? AND reported_at >= ? LIMIT " + COUNT_CAP);
    }

    /** Records a case's keys, in one batch. */
    public void saveKeys(String caseId, MatchKeys.Of keys, OffsetDateTime reportedAt) {
        List<Object[]> rows = new ArrayList<>();
        keys.people().forEach(k -> rows.add(new Object[] {k.kind().name(), k.hash(), caseId, reportedAt}));
        if (keys.address() != null) {
            rows.add(new Object[] {keys.address().kind().name(), keys.address().hash(), caseId, reportedAt});
        }
        if (keys.near() != null) {
            rows.add(new Object[] {keys.near().kind().name(), keys.near().hash(), caseId, reportedAt});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO case_key (kind, key_hash, case_id, reported_at) VALUES (?, ?, ?, ?)", rows);
        }
    }

    /**
     * Flags the case a report joined {@code has_reports}, in the transaction that stores the report (the status stage
     * reads the flag with the case's lock: the update of the flag waits for that lock, so the stage never misses a
     * committed report). The report's own outcome is stored with its row ({@link Linking.Outcome#columns}).
     */
    public void flagReported(String caseId) {
        jdbc.update("UPDATE hub_case SET has_reports = TRUE WHERE case_id = ? AND has_reports = FALSE", caseId);
    }

    /** What the case API shows: the case a report joined (score, rule), the reports linked to it, repeat counts. */
    public com.fasterxml.jackson.databind.node.ObjectNode view(String caseId) {
        var node = org.disputehub.canonical.codec.Json.mapper().createObjectNode();
        jdbc.query("SELECT linked_to, link_score, link_rule, reporter_count, location_count, is_repeat FROM hub_case"
                + " WHERE case_id = ?", rs -> {
                    if (rs.getString(1) != null) {
                        node.putObject("linkedTo").put("caseId", rs.getString(1))
                                .put("score", rs.getBigDecimal(2).doubleValue()).put("rule", rs.getString(3));
                    }
                    node.put("reporterCount", rs.getInt(4)).put("locationCount", rs.getInt(5))
                            .put("repeat", rs.getBoolean(6));
                }, caseId);
        var reports = node.putArray("linkedReports");
        linkedTo(caseId).forEach(reports::add);
        return node;
    }

    /** The case a report is linked to, if it is one. */
    public java.util.Optional<String> primaryOf(String caseId) {
        return jdbc.queryForList("SELECT linked_to FROM hub_case WHERE case_id = ? AND linked_to IS NOT NULL",
                String.class, caseId).stream().findFirst();
    }

    /** The reports linked to a case. */
    public List<String> linkedTo(String caseId) {
        return jdbc.queryForList("SELECT case_id FROM hub_case WHERE linked_to = ? ORDER BY created_at, case_id",
                String.class, caseId);
    }

    /** Points every report linked to {@code from} at {@code to} (a linked report promoted to a case of its own). */
    public void relink(String from, String to) {
        int moved = jdbc.update("UPDATE hub_case SET linked_to = ? WHERE linked_to = ? AND case_id <> ?", to, from, to);
        jdbc.update("UPDATE hub_case SET linked_to = NULL, has_reports = has_reports OR ? WHERE case_id = ?", moved > 0, to);
    }
}
