package org.disputehub.connector.alarm110;

import java.time.OffsetDateTime;
import org.w3c.dom.Element;

/**
 * Maps one {@code <JQCX>} withdrawal (docs/interfaces/alarm-110.md): JQBH as for an incident, CXSJ the time
 * ({@code yyyyMMddHHmmss}, required), CXYY the reason (optional, at most 500 characters; when absent the
 * reason is {@value #DEFAULT_REASON}).
 */
public class WithdrawalMapper {

    static final String ROOT = "JQCX";
    static final String DEFAULT_REASON = "110撤警";
    private static final int REASON_MAX = 500;

    public AlarmMessage.Withdrawal map(Element jqcx) {
        AlarmElements e = new AlarmElements(jqcx);
        String jqbh = e.incidentNumber("JQBH");
        OffsetDateTime at = e.time("CXSJ");
        String reason = e.bounded("CXYY", false, REASON_MAX);
        return new AlarmMessage.Withdrawal(jqbh, at, reason == null ? DEFAULT_REASON : reason, e.contentHash());
    }
}
