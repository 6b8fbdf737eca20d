package org.disputehub.connector.alarm110;

import java.time.OffsetDateTime;
import org.disputehub.canonical.model.CanonicalCase;

/** A 110 message that passed every check: an incident ({@code LDJQ}) or its withdrawal ({@code LDJQ_CX}). */
public sealed interface AlarmMessage {

    /** 警情编号, the source id of the case. */
    String jqbh();

    /** SHA-256 (hex) over the message's elements: the same content gives the same hash whatever the formatting. */
    String contentHash();

    /** {@code <JQXX>}: a new linkage incident, mapped. */
    record Incident(String jqbh, CanonicalCase caseData, String contentHash) implements AlarmMessage {
    }

    /** {@code <JQCX>}: the incident is withdrawn at {@code at} for {@code reason}. */
    record Withdrawal(String jqbh, OffsetDateTime at, String reason, String contentHash) implements AlarmMessage {
    }
}
