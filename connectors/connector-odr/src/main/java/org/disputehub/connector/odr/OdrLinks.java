package org.disputehub.connector.odr;

import java.util.Optional;
import org.disputehub.canonical.connector.ConnectorStore;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which hub case an ODR dispute belongs to, and which department that case is assigned to, so that a
 * {@code mediation.concluded} event can become a status event the hub admits (its actor must be the assignee).
 * <ul>
 *   <li>a dispute the hub handed to mediation: link {@code (ODR-MEDIATION, disputeId) → caseId}, saved by the
 *       {@code dispatch-odr} channel on ODR's 201;</li>
 *   <li>a dispute ODR owns: {@code (ODR, disputeId) → caseId}, allocated by the webhook.</li>
 * </ul>
 * The assignee is kept per case under {@code ODR-ASSIGNEE}: set by the channel when it hands a case over and by
 * the status relay from each relay event's {@code deptCode}. It sits in the store's version column of its own row
 * until the store gains a department column on case links (asked of the lead; see the README).
 */
public class OdrLinks {

    /** A hub case and the department it is assigned to. */
    public record Target(String caseId, String deptCode) {
    }

    private final ConnectorStore store;

    public OdrLinks(ConnectorStore store) {
        this.store = store;
    }

    /**
     * Remembers a mediation ODR created for a case dispatched by {@code deptCode}. The store keeps a case id on one
     * source record only (unique index on {@code source_record.case_id}), so a case that already has one (a case
     * ODR or another push system filed) gets its mediation link in the version column of the link's row instead,
     * until the index is per system (asked of the lead; see the README).
     */
    public void linkMediation(String disputeId, String caseId, String deptCode) {
        try {
            store.saveCaseLink(Odr.MEDIATIONS, disputeId, caseId);
        } catch (DuplicateKeyException caseAlreadyLinked) {
            store.saveSourceVersion(Odr.MEDIATIONS, disputeId, caseId);
        }
        assigneeSeen(caseId, deptCode);
    }

    /** Records the department a case is assigned to, when it differs from what is known. */
    public void assigneeSeen(String caseId, String deptCode) {
        if (caseId != null && deptCode != null && !store.sourceVersion(Odr.ASSIGNEES, caseId).filter(deptCode::equals).isPresent()) {
            store.saveSourceVersion(Odr.ASSIGNEES, caseId, deptCode);
        }
    }

    /** The hub case of a dispute (a mediation handed over by the hub first, else one ODR owns). */
    public Optional<String> caseOf(String disputeId) {
        Optional<String> mediation = store.caseIdOf(Odr.MEDIATIONS, disputeId)
                .or(() -> store.sourceVersion(Odr.MEDIATIONS, disputeId).filter(v -> v.startsWith("HUB-")));
        return mediation.isPresent() ? mediation : store.caseIdOf(Odr.SYSTEM, disputeId);
    }

    /** The case's assignee, if this connector has seen it. */
    public Optional<String> assigneeOf(String caseId) {
        return store.sourceVersion(Odr.ASSIGNEES, caseId);
    }
}
