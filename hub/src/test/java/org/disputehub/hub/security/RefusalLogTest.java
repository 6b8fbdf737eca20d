package org.disputehub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.disputehub.fixtures.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per user, MBean and operation within the window; the next line after it counts the repeats. */
class RefusalLogTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
    final RefusalLog log = new RefusalLog(Duration.ofMinutes(10), clock);
    final Logger security = (Logger) LoggerFactory.getLogger("hub.security");
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        security.addAppender(lines);
    }

    @AfterEach
    void release() {
        security.detachAppender(lines);
    }

    @Test
    void aThousandRefusalsOfTheSameWriteOneLine() {
        for (int i = 0; i < 1000; i++) {
            log.refused("viewer", "route hub-intake", "operation stop()");
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m).contains("viewer", "hub-intake", "stop()"));
    }

    @Test
    void anotherUserMBeanOrOperationIsItsOwnLine() {
        log.refused("viewer", "route hub-intake", "operation stop()");
        log.refused("viewer2", "route hub-intake", "operation stop()");
        log.refused("viewer", "route hub-status", "operation stop()");
        log.refused("viewer", "route hub-intake", "operation remove()");
        log.refused("viewer", "route hub-intake", "operation stop()");
        assertThat(messages()).hasSize(4);
    }

    @Test
    void afterTheWindowTheRefusalIsLoggedAgainWithItsRepeats() {
        log.refused("viewer", "route hub-intake", "operation stop()");
        clock.advance(Duration.ofMinutes(5));
        log.refused("viewer", "route hub-intake", "operation stop()");
        log.refused("viewer", "route hub-intake", "operation stop()");
        clock.advance(Duration.ofMinutes(5));
        log.refused("viewer", "route hub-intake", "operation stop()");
        assertThat(messages()).hasSize(2);
        assertThat(messages().get(1)).contains("(2 more since the last line)");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
