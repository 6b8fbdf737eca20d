package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.hub.store.CaseStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Linking quality on a labelled set of 300+ synthetic reports (LabelledReports), with the shipped configuration.
 * Floors: precision ≥ 0.95 — a false link keeps a matter from being dispatched, the costly mistake; recall ≥ 0.80
 * — a missed link costs a second dispatch, which is what happens without linking. The set holds duplicates that
 * are meant to be missed (another reporter writing the address another way under another category).
 */
class LinkingQualityTest {

    private static final Logger LOG = LoggerFactory.getLogger(LinkingQualityTest.class);

    static JdbcTemplate jdbc;
    static Linking linking;
    static CaseStore cases;

    @BeforeAll
    static void store() {
        jdbc = LinkingTestSupport.h2();
        cases = new CaseStore(jdbc);
        linking = new Linking(new LinkStore(jdbc), LinkingTestSupport.shippedProperties());
    }

    @Test
    void precisionAndRecallOnTheLabelledSetMeetTheFloors() {
        List<LabelledReports.Report> reports = LabelledReports.generate(100);
        assertThat(reports).hasSizeGreaterThanOrEqualTo(200);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, String> primaryOf = new LinkedHashMap<>();
        for (LabelledReports.Report r : reports) {
            CanonicalCase c = r.data();
            OffsetDateTime at = c.reportedAt();
            Linking.Outcome outcome = linking.evaluate(c, at);
            String predicted = outcome.match() == null ? null : outcome.match().caseId();
            String expected = r.expected() == null ? null : primaryOf.getOrDefault(r.expected(), r.expected());
            int[] k = byKind.computeIfAbsent(r.kind(), x -> new int[2]);
            k[0]++;
            if (expected != null && expected.equals(predicted)) {
                tp++;
                k[1]++;
            } else if (expected == null && predicted == null) {
                tn++;
                k[1]++;
            } else {
                if (predicted != null) {
                    fp++;
                }
                if (expected != null) {
                    fn++;
                }
            }
            cases.insert(c, at, outcome.columns());
            linking.record(c.caseId(), outcome, at);
            if (predicted != null) {
                primaryOf.put(c.caseId(), predicted);
            }
            if (r.closesMatter()) {
                cases.updateStatus(c.caseId(), CaseStatus.CLOSED, false, at);
            }
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        LOG.info("linking quality on {} labelled reports: precision {} recall {} (tp {} fp {} fn {} tn {})",
                reports.size(), String.format("%.3f", precision), String.format("%.3f", recall), tp, fp, fn, tn);
        byKind.forEach((kind, n) -> LOG.info("  {}: {}/{} right", kind, n[1], n[0]));
        assertThat(tp + fn).as("true duplicates in the set").isGreaterThanOrEqualTo(60);
        assertThat(tn).as("reports that must stay cases of their own").isGreaterThanOrEqualTo(150);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.80);
    }
}
