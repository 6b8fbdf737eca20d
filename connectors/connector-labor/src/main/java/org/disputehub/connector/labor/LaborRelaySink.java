package org.disputehub.connector.labor;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.model.RelayEvent;

/**
 * The labor part of route {@code labor-relay}: a status change becomes the progress post of docs/interfaces/labor.md
 * ({@code stage} from the vocabulary, {@code remark} the event's note or the default), sent by {@link LaborClient}.
 */
public class LaborRelaySink extends RelaySink {

    private final LaborClient client;

    public LaborRelaySink(LaborClient client, ConnectorStore store, StatusVocabulary vocabulary, ConnectorMetrics metrics,
                          Clock clock) {
        super(Labor.SYSTEM, Labor.CONNECTOR, store, vocabulary, metrics, clock);
        this.client = client;
    }

    @Override
    protected Outgoing map(RelayEvent relay, String stage, String remark) {
        ProgressBody body = new ProgressBody(stage, relay.deptName(), deptCode(relay),
                Labor.WIRE_TIME.format(relay.event().occurredAt().atZoneSameInstant(Labor.OFFSET)), remark);
        return new Outgoing(relay.sourceId(), Json.write(body), "application/json");
    }

    @Override
    protected void deliver(Outgoing outgoing, Exchange exchange) {
        client.postProgress(outgoing.sourceId(), outgoing.body());
    }

    /** The progress body of docs/interfaces/labor.md, in its field order. */
    record ProgressBody(String stage, String dept, String deptCode, String time, String remark) {
    }
}
