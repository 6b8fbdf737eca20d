package org.disputehub.hub.kpi;

/** The KPIs of the last 24 hours in JMX (Hawtio: org.disputehub → Kpis). */
public interface KpiMBean {
    double getSignOffRate();

    double getOnTimeArrivalRate();

    double getClosureFeedbackRate();

    double getResolutionRate();

    double getRepeatReportRate();

    String getSummary();

    void refreshNow();
}
