package org.disputehub.connector.petition;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.model.RelayEvent;

/**
 * The petition part of route {@code petition-relay}: a status change becomes a {@code <BLZT>} (ZT from the
 * vocabulary, BLYJ the event's note or the default) posted, signed, by {@link PetitionClient}. 办结 goes out at
 * most once per case ({@code once=办结} in the vocabulary).
 */
public class PetitionRelaySink extends RelaySink {

    private final PetitionClient client;

    public PetitionRelaySink(PetitionClient client, ConnectorStore store, StatusVocabulary vocabulary,
                             ConnectorMetrics metrics, Clock clock) {
        super(Petition.SYSTEM, Petition.CONNECTOR, store, vocabulary, metrics, clock);
        this.client = client;
    }

    @Override
    protected Outgoing map(RelayEvent relay, String zt, String note) {
        return new Outgoing(relay.sourceId(), blzt(relay.sourceId(), zt, deptCode(relay), relay.deptName(),
                relay.event().occurredAt(), note), Petition.XML);
    }

    @Override
    protected void deliver(Outgoing outgoing, Exchange exchange) {
        client.postStatus(outgoing.body());
    }

    /** The {@code <BLZT>} of docs/interfaces/petition.md, in its element order; absent values are left out. */
    static String blzt(String xfjbh, String zt, String deptCode, String deptName, OffsetDateTime at, String note) {
        return XmlText.root("BLZT")
                .element("XFJBH", xfjbh)
                .element("ZT", zt)
                .element("BLDWDM", deptCode)
                .element("BLDW", deptName)
                .element("BLSJ", Petition.WIRE_TIME.format(at.atZoneSameInstant(Petition.OFFSET)
                        .toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)))
                .element("BLYJ", note)
                .close("BLZT");
    }
}
