package org.disputehub.hub.cockpit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Today's inputs, counted from the cases received since midnight ({@code hub_case (created_at)}). */
@Service
class IntakeFlow {

    private final JdbcTemplate jdbc;
    private final CockpitDays days;

    IntakeFlow(JdbcTemplate jdbc, CockpitDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    IntakeToday today() {
        OffsetDateTime at = days.now();
        LocalDate day = days.today();
        OffsetDateTime from = days.start(day);
        List<IntakeToday.Flow> flows = new ArrayList<>();
        jdbc.query("SELECT source_system, status, COUNT(*) FROM hub_case WHERE created_at >= ? AND created_at < ?"
                        + " GROUP BY source_system, status",
                rs -> {
                    flows.add(new IntakeToday.Flow(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }, from, days.start(day.plusDays(1)));
        flows.sort(Comparator.comparing(IntakeToday.Flow::source).thenComparing(IntakeToday.Flow::status));
        Map<String, Long> bySource = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        long total = 0;
        for (IntakeToday.Flow f : flows) {
            bySource.merge(f.source(), f.count(), Long::sum);
            byStatus.merge(f.status(), f.count(), Long::sum);
            total += f.count();
        }
        return new IntakeToday(day, from, at, total, counts(bySource), counts(byStatus), flows);
    }

    private static List<IntakeToday.Count> counts(Map<String, Long> map) {
        return map.entrySet().stream().map(e -> new IntakeToday.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(IntakeToday.Count::count).reversed()
                        .thenComparing(IntakeToday.Count::key)).toList();
    }
}
