package org.disputehub.hub.kpi;

import java.time.OffsetDateTime;
import java.util.List;

/** The five assessment indicators of a period (and department), each with its numerator and denominator. */
public record Kpis(OffsetDateTime from, OffsetDateTime to, String deptCode, Indicator signOff, Indicator onTimeArrival,
                   Indicator closureFeedback, Indicator resolution, Indicator repeatReports, List<Kpis> byDepartment) {

    /** numerator / denominator; the rate is null when nothing was there to count. */
    public record Indicator(String name, long numerator, long denominator, Double rate) {
        public static Indicator of(String name, long numerator, long denominator) {
            return new Indicator(name, numerator, denominator,
                    denominator == 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0);
        }
    }
}
