package org.disputehub.hub.intake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Parts.RiskLevel;
import org.disputehub.canonical.model.Related;
import org.disputehub.canonical.model.Risk;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.dispatch.DispatchPlanner;
import org.disputehub.hub.linking.Linking;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.status.StatusService;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A report about a matter the hub already handles (一事多次): stored as a report linked to that case, not
 * dispatched again. The department gets the case as an update (with the report among its related cases, risk
 * re-evaluated with the report's), and the report's origin gets the case's status now and from then on.
 */
@Component
class LinkedIntake {

    private static final Logger LOG = LoggerFactory.getLogger("hub.intake");

    private final CaseStore cases;
    private final Linking linking;
    private final MappingService mappings;
    private final DispatchPlanner planner;
    private final StatusService status;
    private final RiskAlerts alerts;

    LinkedIntake(CaseStore cases, Linking linking, MappingService mappings, DispatchPlanner planner,
                 StatusService status, RiskAlerts alerts) {
        this.cases = cases;
        this.linking = linking;
        this.mappings = mappings;
        this.planner = planner;
        this.status = status;
        this.alerts = alerts;
    }

    /** Joins the report to its matched case; empty if that case was closed meanwhile (then it is a case of its own). */
    Optional<List<Outbound>> join(CaseEnvelope envelope, CanonicalCase report, Linking.Outcome outcome,
                                  OffsetDateTime at, OffsetDateTime now) {
        Linking.Match match = outcome.match();
        Optional<StoredCase> locked = cases.lock(match.caseId());
        if (locked.isEmpty() || locked.get().status().isFinished()) {
            return Optional.empty();
        }
        StoredCase primary = locked.get();
        CanonicalCase stored = report.withRisk(mappings.current().risk(report)).withStatus(CaseStatus.RECEIVED);
        StoredCase row = cases.insert(stored, now, outcome.columns());
        linking.record(stored.caseId(), outcome, at);

        CanonicalCase before = primary.canonical();
        Set<String> related = new LinkedHashSet<>(before.related() == null ? List.of() : before.related().caseIds());
        related.add(stored.caseId());
        int repeats = Math.max(before.related() == null ? 0 : before.related().repeatCount(), related.size());
        CanonicalCase updated = before.withRelated(new Related(List.copyOf(related), repeats));
        updated = updated.withRisk(combine(mappings.current().risk(updated), stored.risk()));
        cases.updateData(updated, now);

        StatusEvent received = new StatusEvent(stored.caseId() + ":received", stored.caseId(), CaseStatus.RECEIVED, now,
                null, "已受理，与 " + primary.caseId() + " 并案办理", "HUB");
        List<Outbound> out = new ArrayList<>(status.recordInitial(received, stored.withAssignment(before.assignment())));
        if (primary.status() != CaseStatus.RECEIVED) {
            StatusEvent current = new StatusEvent(primary.caseId() + ":joined", primary.caseId(), primary.status(), now,
                    null, "并案至 " + primary.caseId(), "HUB");
            out.addAll(status.mirrorOnJoin(current, row, primary, now));
        }
        if (primary.deptCode() != null) {
            out.add(planner.notice(updated, "UPDATE", envelope.envelopeId()));
        }
        if (before.risk() == null || before.risk().level() != updated.risk().level()) {
            alerts.onRisk(updated).ifPresent(out::add);
        }
        LOG.info("case {} received from {} {} is linked to {} (score {}, {}): not dispatched again, {} gets it as an"
                        + " update", stored.caseId(), envelope.system(), Masking.text(envelope.sourceId()), primary.caseId(),
                match.score(), match.rule(), primary.deptCode());
        return Optional.of(out);
    }

    /** The higher level of the two, with the reasons of both. */
    private static Risk combine(Risk a, Risk b) {
        if (b == null || b.level() == null) {
            return a;
        }
        RiskLevel level = b.level().ordinal() < a.level().ordinal() ? b.level() : a.level();
        Set<String> reasons = new LinkedHashSet<>(a.reasons());
        reasons.addAll(b.reasons());
        return new Risk(level, List.copyOf(reasons));
    }
}
