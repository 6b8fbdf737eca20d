package org.disputehub.canonical.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The relay sequence every connector shares: skip, map, send, classify, record the delivery with its raw message. */
class RelaySinkTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T10:05:00+08:00");

    @TempDir
    Path mappings;

    private final Set<String> delivered = new HashSet<>();
    private final List<AuditRecord> recorded = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private RuntimeException storeDown;
    /** The store's two relay calls, over a set: what a relay asks of the database and what it commits together. */
    private final ConnectorStore store = new ConnectorStore(new JdbcTemplate(new SimpleDriverDataSource())) {
        @Override
        public Set<String> relayKeysDelivered(String system, String eventId, String onceKey) {
            queries.add(eventId + (onceKey == null ? "" : "+" + onceKey));
            Set<String> found = new HashSet<>();
            for (String key : Arrays.asList(eventId, onceKey)) {
                if (key != null && delivered.contains(system + "/" + key)) {
                    found.add(key);
                }
            }
            return found;
        }

        @Override
        public void recordRelay(AuditRecord sent, List<String> deliveredKeys) {
            if (storeDown != null) {
                RuntimeException down = storeDown;
                storeDown = null;
                throw down;
            }
            recorded.add(sent);
            deliveredKeys.forEach(key -> delivered.add(sent.system() + "/" + key));
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> sent = new ArrayList<>();
    private Consumer<RelaySink.Outgoing> origin = sent -> { };
    private RelaySink sink;

    @BeforeEach
    void sink() throws IOException {
        Path file = StatusVocabulary.file(mappings, "test");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "status.SIGNED=SIGN\nnote.SIGNED=已签收\nstatus.RESOLVED=DONE\nnote.RESOLVED=办结\n"
                + "status.CLOSED=DONE\nnote.CLOSED=办结\nonce=DONE\n");
        StatusVocabulary vocabulary = new VocabularyReloader(mappings).load("TEST", "test", Set.of("SIGN", "DONE"));
        sink = new RelaySink("TEST", "test", store, vocabulary, new ConnectorMetrics(meters, "test"),
                Clock.fixed(Instant.parse("2026-11-22T02:06:00Z"), ZoneOffset.ofHours(8))) {
            @Override
            protected Outgoing map(RelayEvent relay, String code, String note) {
                return new Outgoing(relay.sourceId(), code + "|" + note, "text/plain");
            }

            @Override
            protected void deliver(Outgoing outgoing, Exchange exchange) {
                origin.accept(outgoing);
                sent.add(outgoing.body());
            }
        };
    }

    @Test
    void mapsSendsAndRecordsTheDeliveryWithTheRawMessageSent() {
        Exchange exchange = relay("E1", CaseStatus.SIGNED, null);
        assertThat(exchange.getProperty(RelaySink.SEND, Boolean.class)).isTrue();
        sink.send(exchange);
        assertThat(sent).containsExactly("SIGN|已签收");
        assertThat(delivered).containsExactly("TEST/E1");
        assertThat(recorded).singleElement().satisfies(audit -> {
            assertThat(audit.system()).isEqualTo("TEST");
            assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.OUT);
            assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.SENT);
            assertThat(audit.ref()).isEqualTo("S-1");
            assertThat(audit.contentType()).isEqualTo("text/plain");
            assertThat(audit.body()).isEqualTo("SIGN|已签收");
            assertThat(audit.reason()).as("the status in both vocabularies").isEqualTo("SIGNED → SIGN");
        });
        assertThat(exchange.getMessage().getBody(String.class)).as("the relay event stays the body").contains("\"E1\"");
        assertThat(exchange.getMessage().getHeader(HubHeaders.CASE_ID)).isEqualTo("HUB-1");
        assertThat(count("sent")).isEqualTo(1);
    }

    @Test
    void aOnceCodeIsRecordedUnderTheEventAndTheCaseTogether() {
        sink.send(relay("E1", CaseStatus.RESOLVED, null));
        assertThat(queries).as("one query for both keys").containsExactly("E1+HUB-1#once:DONE");
        assertThat(delivered).containsExactlyInAnyOrder("TEST/E1", "TEST/HUB-1#once:DONE");
        assertThat(recorded).hasSize(1);
    }

    @Test
    void skipsWhatWasDeliveredWhatHasNoCodeAndASecondOnceCode() {
        sink.send(relay("E1", CaseStatus.RESOLVED, "解决了"));
        assertThat(relay("E1", CaseStatus.RESOLVED, "解决了").getProperty(RelaySink.SEND, Boolean.class))
                .as("already delivered").isFalse();
        assertThat(relay("E2", CaseStatus.RECEIVED, null).getProperty(RelaySink.SEND, Boolean.class))
                .as("no code for RECEIVED").isFalse();
        assertThat(relay("E3", CaseStatus.CLOSED, null).getProperty(RelaySink.SEND, Boolean.class))
                .as("DONE goes once per case").isFalse();
        assertThat(sent).containsExactly("DONE|解决了");
        assertThat(recorded).hasSize(1);
        assertThat(queries).as("a status without a code asks nothing of the store")
                .containsExactly("E1+HUB-1#once:DONE", "E1+HUB-1#once:DONE", "E3+HUB-1#once:DONE");
        assertThat(count("skipped")).isEqualTo(3);
    }

    @Test
    void aRedeliveryAfterTheRecordIsNeitherSentNorRecordedAgain() {
        sink.send(relay("E1", CaseStatus.SIGNED, null));
        // the database committed, the JMS commit did not happen: the same message comes again
        Exchange again = relay("E1", CaseStatus.SIGNED, null);
        assertThat(again.getProperty(RelaySink.SEND, Boolean.class)).isFalse();
        assertThat(sent).hasSize(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aRecordThatFailsIsRetriedWithoutAskingTheOriginAgain() {
        storeDown = new IllegalStateException("connection refused");
        Exchange exchange = relay("E1", CaseStatus.SIGNED, null);
        assertThatThrownBy(() -> sink.send(exchange)).isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("not recorded").hasMessageContaining("connection refused");
        assertThat(sent).hasSize(1);
        assertThat(recorded).isEmpty();
        sink.send(exchange); // the error policy's retry of the step
        assertThat(sent).as("the origin has it already").hasSize(1);
        assertThat(recorded).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.SENT));
        assertThat(delivered).containsExactly("TEST/E1");
        assertThat(count("sent")).isEqualTo(1);
    }

    @Test
    void permanentAndTemporaryFailuresKeepTheirKindAndRecordNothing() {
        origin = out -> {
            throw new PermanentFailureException("HTTP 404");
        };
        Exchange refused = relay("E1", CaseStatus.SIGNED, null);
        assertThatThrownBy(() -> sink.send(refused)).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("caseId=HUB-1").hasMessageContaining("HTTP 404");
        origin = out -> {
            throw new IllegalStateException("connection reset");
        };
        Exchange failed = relay("E2", CaseStatus.SIGNED, null);
        assertThatThrownBy(() -> sink.send(failed)).isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("connection reset");
        assertThat(delivered).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(count("failed")).isEqualTo(2);
    }

    @Test
    void aDroppedMessageIsAuditedAsFailedAndNotRecordedAsDelivered() {
        origin = out -> {
            throw new RelaySink.Dropped("HTTP 409: newer status there");
        };
        Exchange exchange = relay("E1", CaseStatus.SIGNED, null);
        sink.send(exchange);
        assertThat(recorded).singleElement().satisfies(audit -> {
            assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.FAILED);
            assertThat(audit.reason()).contains("409");
            assertThat(audit.body()).isEqualTo("SIGN|已签收");
        });
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMalformedOrMisroutedRelayEventIsPermanent() {
        assertThatThrownBy(() -> prepare("{not json")).isInstanceOf(PermanentFailureException.class);
        assertThatThrownBy(() -> prepare(Json.write(new RelayEvent(event("E1", CaseStatus.SIGNED, null), "TEST", null, null, null))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("sourceId");
        assertThatThrownBy(() -> prepare(Json.write(new RelayEvent(event("E1", CaseStatus.SIGNED, null), "OTHER", "S-1", null, null))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("OTHER");
    }

    private Exchange relay(String eventId, CaseStatus status, String note) {
        return prepare(Json.write(new RelayEvent(event(eventId, status, note), "TEST", "S-1", "D1", "某部门")));
    }

    private Exchange prepare(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        sink.prepare(exchange);
        return exchange;
    }

    private static StatusEvent event(String eventId, CaseStatus status, String note) {
        return new StatusEvent(eventId, "HUB-1", status, AT, null, note, "DEPT");
    }

    private double count(String outcome) {
        var counter = meters.find("hub.connector.messages").tags("connector", "test", "direction", "out", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
