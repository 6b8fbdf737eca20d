package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.disputehub.hub.kpi.Kpis;

/** The five indicators per department over the last days, each day on its own (the trend) and summed (the week). */
@Schema(description = "The five KPIs (GET /api/v1/kpis) per department: per day of the trend and over all its days")
public record KpiWeek(
        @Schema(description = "the days of the trend, oldest first, today last") List<LocalDate> days,
        @Schema(description = "every department together") Department overall,
        @Schema(description = "per department, by code") List<Department> departments) {

    /** The five indicators of one period, each with numerator, denominator and rate (null when nothing to count). */
    @Schema(description = "the five indicators of one period")
    public record Five(Kpis.Indicator signOff, Kpis.Indicator onTimeArrival, Kpis.Indicator closureFeedback,
                       Kpis.Indicator resolution, Kpis.Indicator repeatReports) {

        static Five of(Kpis k) {
            return new Five(k.signOff(), k.onTimeArrival(), k.closureFeedback(), k.resolution(), k.repeatReports());
        }

        static Five sum(List<Five> days) {
            return new Five(sum(days, Five::signOff), sum(days, Five::onTimeArrival), sum(days, Five::closureFeedback),
                    sum(days, Five::resolution), sum(days, Five::repeatReports));
        }

        private static Kpis.Indicator sum(List<Five> days, java.util.function.Function<Five, Kpis.Indicator> which) {
            long numerator = 0;
            long denominator = 0;
            String name = null;
            for (Five f : days) {
                Kpis.Indicator i = which.apply(f);
                numerator += i.numerator();
                denominator += i.denominator();
                name = i.name();
            }
            return Kpis.Indicator.of(name, numerator, denominator);
        }
    }

    @Schema(description = "one department's indicators")
    public record Department(@Schema(example = "330108-WY-001") String deptCode,
                             @Schema(example = "物业管理办公室") String deptName,
                             @Schema(description = "over every day of the trend") Five week,
                             @Schema(description = "one entry per day, aligned with days") List<Five> daily) {
    }
}
