package org.disputehub.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disputehub.canonical.model.CaseStatus.*;

import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionTest {

    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource({
            "RECEIVED,DISPATCHED,ALLOWED", "DISPATCHED,SIGNED,ALLOWED", "SIGNED,ARRIVED,ALLOWED",
            "ARRIVED,HANDLING,ALLOWED", "HANDLING,RESOLVED,ALLOWED", "HANDLING,UNRESOLVED,ALLOWED",
            "RESOLVED,CLOSED,ALLOWED", "CLOSED,REVISITED,ALLOWED",
            // skips forward
            "SIGNED,RESOLVED,ALLOWED", "DISPATCHED,CLOSED,ALLOWED",
            // never backward
            "ARRIVED,SIGNED,REFUSED", "CLOSED,HANDLING,REFUSED", "RESOLVED,UNRESOLVED,REFUSED", "SIGNED,RECEIVED,REFUSED",
            "REVISITED,CLOSED,REFUSED",
            // duplicates
            "SIGNED,SIGNED,DUPLICATE", "CLOSED,CLOSED,DUPLICATE",
            // returns start a new dispatch
            "SIGNED,RETURNED,ALLOWED", "HANDLING,RETURNED,ALLOWED", "RETURNED,DISPATCHED,ALLOWED",
            "RETURNED,SIGNED,REFUSED", "RECEIVED,RETURNED,REFUSED", "RESOLVED,RETURNED,REFUSED",
            // withdrawal before CLOSED, then closed without result
            "HANDLING,WITHDRAWN,ALLOWED", "RECEIVED,WITHDRAWN,ALLOWED", "CLOSED,WITHDRAWN,REFUSED",
            "WITHDRAWN,CLOSED,ALLOWED", "WITHDRAWN,SIGNED,REFUSED",
            // escalation marks, any time before the end
            "SIGNED,ESCALATED,ALLOWED", "CLOSED,ESCALATED,REFUSED"
    })
    void lifecycle(CaseStatus from, CaseStatus to, Transition expected) {
        assertThat(Transition.check(from, to)).isEqualTo(expected);
    }

    @Test
    void escalationDoesNotMoveTheCase() {
        assertThat(ESCALATED.isMarker()).isTrue();
        assertThat(SIGNED.isMarker()).isFalse();
    }
}
