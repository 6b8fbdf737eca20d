package org.disputehub.hub.cockpit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.hub.linking.LinkingProperties;
import org.disputehub.hub.linking.MatchKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Repeat hotspots from the keys linking stores for every case ({@code case_key}: keyed hashes of the normalised
 * address, phone and ID numbers, no personal data), counted per key over the index {@code (kind, reported_at,
 * key_hash)}; only the top keys are then named, from their newest case, and masked ({@link SpotLabels}).
 */
@Service
class HotspotCounter {

    private final JdbcTemplate jdbc;
    private final CockpitDays days;
    private final CockpitProperties props;
    private final MatchKeys matchKeys;

    HotspotCounter(JdbcTemplate jdbc, CockpitDays days, CockpitProperties props, LinkingProperties linking) {
        this.jdbc = jdbc;
        this.days = days;
        this.props = props;
        this.matchKeys = new MatchKeys(linking.keySecret());
    }

    Hotspots now() {
        OffsetDateTime since = days.now().minusDays(props.hotspotDays());
        List<Hotspots.Spot> callers = new ArrayList<>(top(MatchKeys.Kind.PHONE, since));
        callers.addAll(top(MatchKeys.Kind.IDNO, since));
        callers.sort(Comparator.comparingLong(Hotspots.Spot::reports).reversed()
                .thenComparing(Hotspots.Spot::lastReportAt, Comparator.reverseOrder()));
        return new Hotspots(props.hotspotDays(), since, top(MatchKeys.Kind.ADDR, since),
                callers.subList(0, Math.min(callers.size(), props.hotspotLimit())));
    }

    private List<Hotspots.Spot> top(MatchKeys.Kind kind, OffsetDateTime since) {
        return jdbc.query("SELECT key_hash, COUNT(*) AS reports, MAX(reported_at) AS last FROM case_key"
                        + " WHERE kind = ? AND reported_at >= ? GROUP BY key_hash HAVING COUNT(*) > 1"
                        + " ORDER BY reports DESC, last DESC, key_hash LIMIT ?",
                (rs, i) -> spot(kind, rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)),
                kind.name(), since, props.hotspotLimit());
    }

    private Hotspots.Spot spot(MatchKeys.Kind kind, String hash, long reports, OffsetDateTime last) {
        List<String[]> newest = jdbc.query("SELECT c.case_id, c.data FROM case_key k JOIN hub_case c ON c.case_id = k.case_id"
                        + " WHERE k.kind = ? AND k.key_hash = ? ORDER BY k.kind, k.key_hash, k.reported_at DESC LIMIT 1",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, kind.name(), hash);
        if (newest.isEmpty()) {
            return new Hotspots.Spot(kind.name(), "—", reports, last, null);
        }
        CanonicalCase c = Json.read(newest.get(0)[1], CanonicalCase.class);
        return new Hotspots.Spot(kind.name(), SpotLabels.label(kind, hash, c, matchKeys), reports, last, newest.get(0)[0]);
    }
}
