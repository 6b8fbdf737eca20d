package org.disputehub.canonical.connector;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The one insert into the raw-message audit log ({@code raw_message}): used by the hub's audit log for what arrives
 * on {@code HUB.AUDIT} and by {@link ConnectorStore#recordRelay} for a relay, in the caller's transaction. The row is
 * stored unchained; the hub's chainer appends it to the hash chain shortly after, in id order.
 */
public final class RawMessageWriter {

    static final int MAX_REASON = 1000;

    private RawMessageWriter() {
    }

    /** Stores one record (time to the microsecond, reason cut to its column) and returns its id. */
    public static long append(JdbcTemplate jdbc, AuditRecord r) {
        OffsetDateTime at = (r.at() == null ? OffsetDateTime.now() : r.at()).truncatedTo(ChronoUnit.MICROS);
        String reason = r.reason() == null || r.reason().length() <= MAX_REASON ? r.reason()
                : r.reason().substring(0, MAX_REASON);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO raw_message (system, direction, ref, content_type,"
                    + " body, outcome, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            Object[] values = {r.system(), r.direction().name(), r.ref(), r.contentType(), r.body(), r.outcome().name(),
                    reason, at};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, key);
        return key.getKey().longValue();
    }
}
