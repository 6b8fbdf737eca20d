package org.disputehub.canonical.model;

/**
 * Canonical case statuses (docs/interfaces/departments.md): the closed loop
 * 接收 → 下发 → 签收 → 签到 → 处置 → 反馈 → 回访, plus RETURNED, WITHDRAWN and the ESCALATED marker.
 * The rank orders the loop; a case may skip forward but never move back.
 */
public enum CaseStatus {
    RECEIVED(0), DISPATCHED(1), SIGNED(2), ARRIVED(3), HANDLING(4),
    RESOLVED(5), UNRESOLVED(5), CLOSED(6), REVISITED(7),
    /** The department says the matter is not theirs; the hub re-routes (a new dispatch follows). */
    RETURNED(1),
    /** The origin withdrew the case; it closes without a result. */
    WITHDRAWN(6),
    /** SLA missed: recorded and relayed, but it does not move the case along the loop. */
    ESCALATED(-1);

    private final int rank;

    CaseStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** True for a status that marks a case without changing where it is in the loop. */
    public boolean isMarker() {
        return this == ESCALATED;
    }

    /** True once nothing but a revisit (or nothing at all) can follow. */
    public boolean isFinished() {
        return this == CLOSED || this == REVISITED || this == WITHDRAWN;
    }
}
