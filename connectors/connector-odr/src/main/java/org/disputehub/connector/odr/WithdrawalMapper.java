package org.disputehub.connector.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** Reads the {@code data} of {@code dispute.withdrawn}: {@code {disputeId, withdrawnAt, reason}}. */
public class WithdrawalMapper {

    /** Used when the platform gives no reason. */
    static final String DEFAULT_REASON = "申请人撤回纠纷申请";

    public record Withdrawal(String disputeId, OffsetDateTime withdrawnAt, String reason) {
    }

    public Withdrawal map(JsonNode data) {
        String disputeId = DisputeMapper.disputeId(data);
        OffsetDateTime at = EventFields.time(data, "withdrawnAt", "data.withdrawnAt");
        String reason = EventFields.optional(data, "reason", "data.reason", 500);
        return new Withdrawal(disputeId, at, reason == null ? DEFAULT_REASON : reason);
    }
}
