package org.disputehub.connector.alarm110;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.model.RelayEvent;

/**
 * The 110 part of route {@code alarm110-relay}: a status change becomes an {@code <FKXX>} (FKZT from the
 * vocabulary, FKNR the event's note or the default) posted by {@link Alarm110Client}. FKZT 05 goes out at most
 * once per case ({@code once=05} in the vocabulary).
 */
public class Alarm110RelaySink extends RelaySink {

    private final Alarm110Client client;

    public Alarm110RelaySink(Alarm110Client client, ConnectorStore store, StatusVocabulary vocabulary,
                             ConnectorMetrics metrics, Clock clock) {
        super(Alarm110.SYSTEM, Alarm110.CONNECTOR, store, vocabulary, metrics, clock);
        this.client = client;
    }

    @Override
    protected Outgoing map(RelayEvent relay, String fkzt, String note) {
        String fksj = Alarm110.WIRE_TIME.format(relay.event().occurredAt().atZoneSameInstant(Alarm110.OFFSET));
        return new Outgoing(relay.sourceId(), FeedbackXml.fkxx(relay.sourceId(), fksj, fkzt, deptCode(relay),
                relay.deptName(), note), Alarm110Client.CONTENT_TYPE);
    }

    @Override
    protected void deliver(Outgoing outgoing, Exchange exchange) {
        client.sendFeedback(outgoing.body());
    }
}
