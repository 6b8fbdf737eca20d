package org.disputehub.canonical.model;

/** The verdict of the state machine on one proposed status change. */
public enum Transition {
    /** The change is allowed and moves the case. */
    ALLOWED,
    /** The case already has this status: nothing to do. */
    DUPLICATE,
    /** The change goes backward or out of the loop: refused. */
    REFUSED;

    /**
     * The lifecycle rules of docs/interfaces/departments.md: statuses may be skipped forward, never
     * backward; RETURNED (before the department's work is done) starts a new dispatch;
     * WITHDRAWN and ESCALATED may happen any time before CLOSED; CLOSED may follow WITHDRAWN.
     */
    public static Transition check(CaseStatus from, CaseStatus to) {
        if (from == to && !to.isMarker()) {
            return DUPLICATE;
        }
        if (from == CaseStatus.REVISITED) {
            return REFUSED;
        }
        if (to == CaseStatus.ESCALATED || to == CaseStatus.WITHDRAWN) {
            return from.isFinished() ? REFUSED : ALLOWED;
        }
        if (from == CaseStatus.WITHDRAWN) {
            return to == CaseStatus.CLOSED ? ALLOWED : REFUSED;
        }
        if (to == CaseStatus.RETURNED) {
            return from.rank() >= CaseStatus.DISPATCHED.rank() && from.rank() <= CaseStatus.HANDLING.rank()
                    ? ALLOWED : REFUSED;
        }
        if (from == CaseStatus.RETURNED) {
            return to == CaseStatus.DISPATCHED ? ALLOWED : REFUSED;
        }
        if (to == CaseStatus.RECEIVED) {
            return REFUSED;
        }
        return to.rank() > from.rank() ? ALLOWED : REFUSED;
    }
}
