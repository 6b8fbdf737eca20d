package org.disputehub.hub.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How the hub writes a time for people (log lines, alert texts): ISO-8601 to the second with its offset, in the hub's
 * zone ({@code hub.time-zone}, the clock's) — the same form and zone as the log pattern's timestamp, so an operator
 * reads one clock, e.g. {@code 2026-11-22T18:00:00+08:00}.
 */
public final class LogTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private LogTimes() {
    }

    public static String of(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : FORMAT.format(time.atZoneSameInstant(zone));
    }

    public static String of(Instant time, ZoneId zone) {
        return time == null ? null : FORMAT.format(time.atZone(zone));
    }

    /** An ISO-8601 text with an offset or a {@code Z}, in the same form; any other text as it is. */
    public static String of(String iso, ZoneId zone) {
        if (iso == null) {
            return null;
        }
        try {
            return of(OffsetDateTime.parse(iso), zone);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
