package org.disputehub.hub.cockpit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disputehub.hub.kpi.KpiService;
import org.disputehub.hub.kpi.Kpis;
import org.springframework.stereotype.Service;

/**
 * The KPI trend: {@link KpiService} computes each day of the last {@code hub.cockpit.trend-days} on its own (a
 * finished day is reused for {@code hub.cockpit.past-days-ttl}); the week is the sum of the days' numerators and
 * denominators, which is what KpiService answers for the whole period.
 */
@Service
class KpiTrend {

    private final KpiService kpis;
    private final DepartmentNames departments;
    private final CockpitDays days;
    private final CockpitCache cache;
    private final CockpitProperties props;

    KpiTrend(KpiService kpis, DepartmentNames departments, CockpitDays days, CockpitCache cache,
             CockpitProperties props) {
        this.kpis = kpis;
        this.departments = departments;
        this.days = days;
        this.cache = cache;
        this.props = props;
    }

    KpiWeek week() {
        LocalDate today = days.today();
        List<LocalDate> trend = new ArrayList<>();
        List<Kpis> perDay = new ArrayList<>();
        for (int back = props.trendDays() - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            trend.add(day);
            perDay.add(cache.get("kpi:" + day, back == 0 ? props.cacheTtl() : props.pastDaysTtl(),
                    () -> kpis.compute(days.start(day), days.start(day.plusDays(1)), null)));
        }
        Map<String, List<KpiWeek.Five>> byDept = new TreeMap<>();
        for (Kpis k : perDay) {
            k.byDepartment().forEach(d -> byDept.computeIfAbsent(d.deptCode(), c -> new ArrayList<>()));
        }
        for (Kpis k : perDay) {
            Map<String, Kpis> of = new TreeMap<>();
            k.byDepartment().forEach(d -> of.put(d.deptCode(), d));
            byDept.forEach((code, list) -> list.add(of.containsKey(code) ? KpiWeek.Five.of(of.get(code))
                    : KpiWeek.Five.of(empty(k))));
        }
        List<KpiWeek.Department> out = new ArrayList<>();
        byDept.forEach((code, daily) -> out.add(new KpiWeek.Department(code, name(code), KpiWeek.Five.sum(daily), daily)));
        List<KpiWeek.Five> overall = perDay.stream().map(KpiWeek.Five::of).toList();
        return new KpiWeek(trend, new KpiWeek.Department(null, "全部部门", KpiWeek.Five.sum(overall), overall), out);
    }

    /** The day's indicators with nothing counted (the department had nothing that day). */
    private static Kpis empty(Kpis day) {
        return new Kpis(day.from(), day.to(), null, zero(day.signOff()), zero(day.onTimeArrival()),
                zero(day.closureFeedback()), zero(day.resolution()), zero(day.repeatReports()), List.of());
    }

    private static Kpis.Indicator zero(Kpis.Indicator i) {
        return Kpis.Indicator.of(i.name(), 0, 0);
    }

    private String name(String code) {
        return departments.name(code);
    }
}
