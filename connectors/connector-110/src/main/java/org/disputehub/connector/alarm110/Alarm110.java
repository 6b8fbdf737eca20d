package org.disputehub.connector.alarm110;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Set;

/** Names and formats of the 110 alarm platform contract (docs/interfaces/alarm-110.md). */
public final class Alarm110 {

    /** The system name in the canonical model, the relay queue name and the audit log. */
    public static final String SYSTEM = "ALARM110";
    /** The connector's name in metrics and logs. */
    public static final String CONNECTOR = "alarm110";
    /** The canonical channel of cases from the 110 platform. */
    public static final String CHANNEL = "JMS";
    /** All 110 times are Asia/Shanghai. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** {@code yyyyMMddHHmmss}, strictly. */
    public static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    /** The JMS string property that names the message type. */
    public static final String MSG_TYPE = "MsgType";
    /** A new linkage incident, body {@code <JQXX>}. */
    public static final String LDJQ = "LDJQ";
    /** A withdrawn incident, body {@code <JQCX>}. */
    public static final String LDJQ_CX = "LDJQ_CX";
    /** The content type of every 110 message, in and out. */
    public static final String XML = "application/xml";

    /** The feedback statuses FKZT: 01 已派单 · 02 已签收 · 03 已到场 · 04 处置中 · 05 已办结 · 06 退回 · 07 已回访. */
    public static final Set<String> FKZT = Set.of("01", "02", "03", "04", "05", "06", "07");

    private Alarm110() {
    }
}
