package org.disputehub.connector.hotline12345;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * A position in the hotline's listing order: (updateTime, orderNo). The poller's watermark is the
 * position of the last record it handled; stored as {@code 2026-11-22T09:31:00+08:00|GD20261122000123}.
 */
public record Watermark(OffsetDateTime time, String orderNo) implements Comparable<Watermark> {

    private static final Comparator<Watermark> ORDER = Comparator
            .comparing((Watermark w) -> w.time().toInstant())
            .thenComparing(Watermark::orderNo);

    public Watermark {
        time = time.withOffsetSameInstant(Hotline12345.OFFSET);
        orderNo = orderNo == null ? "" : orderNo;
    }

    /** Before every record at or after {@code time}. */
    public static Watermark start(OffsetDateTime time) {
        return new Watermark(time, "");
    }

    public static Watermark parse(String stored) {
        int bar = stored.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a hotline12345 watermark: " + stored);
        }
        return new Watermark(OffsetDateTime.parse(stored.substring(0, bar)), stored.substring(bar + 1));
    }

    public String format() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + "|" + orderNo;
    }

    public Watermark max(Watermark other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Watermark other) {
        return ORDER.compare(this, other);
    }
}
