package org.disputehub.connector.alarm110;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Names and formats of the 110 alarm platform contract (contracts/alarm-110.md). */
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

    private Alarm110() {
    }
}
