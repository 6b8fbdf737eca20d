package org.disputehub.canonical.connector;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub's case ids, {@code HUB-{yyyyMMdd}-{n}}: the day of China Standard Time and the next number of the one
 * database sequence {@code case_seq} (at least six digits), whoever allocates it — the hub's intake or a connector
 * answering its origin at once ({@link ConnectorStore#allocateCaseId}).
 */
public final class CaseIds {

    /** Whose calendar day a case id carries. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseIds() {
    }

    /** The next case id of {@code day}. */
    public static String next(JdbcTemplate jdbc, LocalDate day) {
        Long n = jdbc.queryForObject("SELECT nextval('case_seq')", Long.class);
        return "HUB-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", n);
    }

    /** The next case id of today. */
    public static String next(JdbcTemplate jdbc) {
        return next(jdbc, LocalDate.now(ZONE));
    }
}
