package org.disputehub.connector.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Set;

/** Reads the {@code data} of {@code mediation.concluded}: {@code {disputeId, outcome, concludedAt, agreementNo?}}. */
public class ConclusionMapper {

    static final Set<String> OUTCOMES = Set.of("SETTLED", "FAILED", "WITHDRAWN");

    public record Conclusion(String disputeId, String outcome, OffsetDateTime concludedAt, String agreementNo) {
    }

    public Conclusion map(JsonNode data) {
        String disputeId = DisputeMapper.disputeId(data);
        String outcome = EventFields.required(data, "outcome", "data.outcome", 16);
        if (!OUTCOMES.contains(outcome)) {
            throw new MalformedEventException("data.outcome", "must be SETTLED, FAILED or WITHDRAWN, was '" + outcome + "'");
        }
        OffsetDateTime at = EventFields.time(data, "concludedAt", "data.concludedAt");
        return new Conclusion(disputeId, outcome, at, EventFields.optional(data, "agreementNo", "data.agreementNo", 64));
    }
}
