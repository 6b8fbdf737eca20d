package org.disputehub.connector.hotline12345;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.model.RelayEvent;

/**
 * The hotline part of route {@code hotline12345-relay}: a status change becomes the signed feedback POST of
 * docs/interfaces/hotline-12345.md ({@code status} from the vocabulary, {@code handleResult} the event's note or the
 * default), sent by {@link Hotline12345Client}.
 */
public class Hotline12345RelaySink extends RelaySink {

    private final Hotline12345Client client;

    public Hotline12345RelaySink(Hotline12345Client client, ConnectorStore store, StatusVocabulary vocabulary,
                                 ConnectorMetrics metrics, Clock clock) {
        super(Hotline12345.SYSTEM, Hotline12345.CONNECTOR, store, vocabulary, metrics, clock);
        this.client = client;
    }

    @Override
    protected Outgoing map(RelayEvent relay, String status, String note) {
        FeedbackBody body = new FeedbackBody(status, deptCode(relay), relay.deptName(),
                Hotline12345.WIRE_TIME.format(relay.event().occurredAt().atZoneSameInstant(Hotline12345.OFFSET)), note);
        return new Outgoing(relay.sourceId(), Json.write(body), "application/json");
    }

    @Override
    protected void deliver(Outgoing outgoing, Exchange exchange) {
        client.sendFeedback(outgoing.sourceId(), outgoing.body());
    }

    /** The feedback body of docs/interfaces/hotline-12345.md, in its field order. */
    record FeedbackBody(String status, String handleDeptCode, String handleDept, String handleTime, String handleResult) {
    }
}
