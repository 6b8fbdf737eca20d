package org.disputehub.connector.petition;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Names and formats of the petition contract (docs/interfaces/petition.md). */
public final class Petition {

    /** The system name in the canonical model, the relay queue name and the audit log. */
    public static final String SYSTEM = "PETITION";
    /** The connector's name in metrics and logs. */
    public static final String CONNECTOR = "petition";
    /** The canonical channel of cases from the petition platform: it pushes them to the hub. */
    public static final String CHANNEL = "PUSH";
    /** All petition times are Asia/Shanghai unless they carry another offset. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** ISO-8601 with offset, e.g. {@code 2026-11-22T10:05:00+08:00}. */
    public static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The content type of every XML body, both ways. */
    public static final String XML = "application/xml; charset=UTF-8";
    /** Request headers of the signing scheme. */
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String SIGNATURE = "X-Signature";
    /** JMSXGroupID prefix of the envelopes of one petition: {@code PETITION:{XFJBH}}. */
    public static final String GROUP_PREFIX = SYSTEM + ":";

    /** The platform's status values ZT. */
    public static final Set<String> ZT = Set.of("受理", "交办", "办理中", "办结", "回访", "退回");

    private Petition() {
    }
}
