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

/** The relay sequence every connector shares: skip, map, send, classify, record, audit. */
class RelaySinkTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T10:05:00+08:00");

    @TempDir
    Path mappings;

    private final Set<String> delivered = new HashSet<>();
    private final ConnectorStore store = new ConnectorStore(null) {
        @Override
        public boolean relayDelivered(String eventId, String system) {
            return delivered.contains(system + "/" + eventId);
        }

        @Override
        public void markRelayDelivered(String eventId, String system) {
            delivered.add(system + "/" + eventId);
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
    void mapsSendsRecordsAndLeavesTheAuditRecord() {
        Exchange exchange = relay("E1", CaseStatus.SIGNED, null);
        assertThat(exchange.getProperty(RelaySink.SEND, Boolean.class)).isTrue();
        sink.send(exchange);
        assertThat(sent).containsExactly("SIGN|已签收");
        assertThat(delivered).contains("TEST/E1");
        AuditRecord audit = Json.read(exchange.getMessage().getBody(String.class), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.SENT);
        assertThat(audit.ref()).isEqualTo("S-1");
        assertThat(audit.body()).isEqualTo("SIGN|已签收");
        assertThat(audit.reason()).as("the status in both vocabularies").isEqualTo("SIGNED → SIGN");
        assertThat(exchange.getMessage().getHeader(HubHeaders.CASE_ID)).isEqualTo("HUB-1");
        assertThat(count("sent")).isEqualTo(1);
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
        assertThat(count("skipped")).isEqualTo(3);
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
        assertThat(count("failed")).isEqualTo(2);
    }

    @Test
    void aDroppedMessageIsAuditedAsFailedAndNotRecorded() {
        origin = out -> {
            throw new RelaySink.Dropped("HTTP 409: newer status there");
        };
        Exchange exchange = relay("E1", CaseStatus.SIGNED, null);
        sink.send(exchange);
        AuditRecord audit = Json.read(exchange.getMessage().getBody(String.class), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.FAILED);
        assertThat(audit.reason()).contains("409");
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
