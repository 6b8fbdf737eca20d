package org.disputehub.connector.odr;

import java.net.http.HttpResponse;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.model.RelayEvent;

/**
 * The ODR part of route {@code odr-relay}: remembers each case's department ({@link OdrLinks}), and a status change
 * becomes the status PUT of docs/interfaces/odr.md sent by {@link OdrClient}. 2xx: delivered. 409 (older than the
 * platform's status): dropped, recorded FAILED, not parked. Other replies: {@link OdrReplies}.
 */
public class OdrRelaySink extends RelaySink {

    private final OdrClient client;
    private final OdrReplies replies;
    private final OdrLinks links;

    public OdrRelaySink(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links,
                        StatusVocabulary vocabulary, ConnectorMetrics metrics, Clock clock) {
        super(Odr.SYSTEM, Odr.CONNECTOR, store, vocabulary, metrics, clock);
        this.client = client;
        this.replies = replies;
        this.links = links;
    }

    @Override
    protected void seen(RelayEvent relay) {
        links.assigneeSeen(relay.event().caseId(), relay.deptCode());
    }

    @Override
    protected Outgoing map(RelayEvent relay, String status, String note) {
        StatusBody body = new StatusBody(status, relay.deptName(), relay.deptCode(), note,
                Odr.WIRE_TIME.format(relay.event().occurredAt().withOffsetSameInstant(Odr.OFFSET)));
        return new Outgoing(relay.sourceId(), Json.write(body), Odr.JSON);
    }

    @Override
    protected void deliver(Outgoing outgoing, Exchange exchange) {
        OdrReplies.clearDelay(exchange);
        HttpResponse<String> reply = client.putStatus(outgoing.sourceId(), outgoing.body());
        int code = reply.statusCode();
        if (code == 409) {
            throw new Dropped("HTTP 409: the platform holds a newer status; dropped");
        }
        if (code / 100 != 2) {
            throw replies.failure(reply, "PUT status", exchange);
        }
    }

    /** The status body of docs/interfaces/odr.md, in its field order. */
    record StatusBody(String status, String assignee, String assigneeCode, String note, String updatedAt) {
    }
}
