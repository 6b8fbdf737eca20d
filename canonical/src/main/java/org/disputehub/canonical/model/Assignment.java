package org.disputehub.canonical.model;

import java.time.OffsetDateTime;

/** The department a case is dispatched to, with the dispatch number and the SLA deadlines. */
public record Assignment(String deptCode, String deptName, int dispatchNo, Deadlines deadlines) {

    /** SLA deadlines set at dispatch: sign-off, arrival on site, joint action (handling), closure/follow-up. */
    public record Deadlines(OffsetDateTime signBy, OffsetDateTime arriveBy, OffsetDateTime handleBy,
                            OffsetDateTime closeBy) {
    }
}
