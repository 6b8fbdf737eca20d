package org.disputehub.hub.ops;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Which parked messages a bulk replay moves: reason containing a text (case-insensitive), parked before and/or after
 * a time. A message whose park time cannot be read matches no time criterion.
 */
public record ReplayFilter(String reasonContains, OffsetDateTime parkedBefore, OffsetDateTime parkedAfter) {

    public boolean isEmpty() {
        return (reasonContains == null || reasonContains.isBlank()) && parkedBefore == null && parkedAfter == null;
    }

    public boolean matches(ParkedMessage m) {
        if (reasonContains != null && !reasonContains.isBlank()
                && (m.reason() == null || !m.reason().toLowerCase().contains(reasonContains.toLowerCase()))) {
            return false;
        }
        if (parkedBefore == null && parkedAfter == null) {
            return true;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(m.parkedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
        return (parkedBefore == null || at.isBefore(parkedBefore)) && (parkedAfter == null || at.isAfter(parkedAfter));
    }

    @Override
    public String toString() {
        return "reason~" + reasonContains + " before=" + parkedBefore + " after=" + parkedAfter;
    }
}
