package org.disputehub.connector.hotline12345;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Set;

/** Names and formats of the 12345 hotline contract (docs/interfaces/hotline-12345.md). */
public final class Hotline12345 {

    /** The system name in the canonical model, the relay queue name and the audit log. */
    public static final String SYSTEM = "HOTLINE12345";
    /** The connector's name in metrics, logs and the watermark store. */
    public static final String CONNECTOR = "hotline12345";
    /** The canonical channel of cases from the hotline. */
    public static final String CHANNEL = "HOTLINE";
    /** All hotline times are Asia/Shanghai. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** {@code yyyy-MM-dd HH:mm:ss}, strictly. */
    public static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** {@code orderStatus} of a work order the caller withdrew. */
    public static final String WITHDRAWN = "已撤销";
    /** The reason on a WITHDRAW envelope. */
    public static final String WITHDRAW_REASON = "已撤销";

    /** The feedback statuses the hotline takes. */
    public static final Set<String> FEEDBACK_STATUSES = Set.of("SIGN", "PROCESS", "FINISH", "RETURN", "VISIT");

    private Hotline12345() {
    }
}
