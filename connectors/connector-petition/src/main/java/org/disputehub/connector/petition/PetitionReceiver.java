package org.disputehub.connector.petition;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.connector.InboundRejectedException;

/**
 * First step of route {@code petition-inbound}: keeps the raw bytes for the audit log, bounds the body
 * (declared length, then actual length → 413) and checks {@code X-Timestamp} and {@code X-Signature} over the
 * exact bytes (→ 401). Verified signatures are remembered, so a request sent again is marked as a replay for
 * the intake step to judge.
 */
public class PetitionReceiver {

    /** Exchange property: true when this exact signed request was verified before. */
    public static final String REPLAYED = "petitionReplayed";
    private static final byte[] EMPTY = new byte[0];

    private final PetitionSigner signer;
    private final ReplayGuard replays;
    private final ConnectorMetrics metrics;
    private final int maxBodyBytes;

    public PetitionReceiver(PetitionSigner signer, ReplayGuard replays, ConnectorMetrics metrics, int maxBodyBytes) {
        this.signer = signer;
        this.replays = replays;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void receive(Exchange exchange) {
        exchange.setProperty(InboundErrorPolicy.RAW, EMPTY);
        Long declared = declaredLength(exchange);
        if (declared != null && declared > maxBodyBytes) {
            throw refused(413, "body of " + declared + " bytes is over the limit of " + maxBodyBytes + " bytes");
        }
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        raw = raw == null ? EMPTY : raw;
        exchange.setProperty(InboundErrorPolicy.RAW, raw);
        if (raw.length > maxBodyBytes) {
            throw refused(413, "body is over the limit of " + maxBodyBytes + " bytes");
        }
        String signature = exchange.getMessage().getHeader(Petition.SIGNATURE, String.class);
        Optional<String> problem = signer.problem(exchange.getMessage().getHeader(Petition.TIMESTAMP, String.class),
                signature, raw);
        if (problem.isPresent()) {
            throw refused(401, problem.get());
        }
        exchange.setProperty(REPLAYED, replays.replayed(signature.strip()));
    }

    InboundRejectedException refused(int status, String reason) {
        metrics.rejected(status);
        return new InboundRejectedException(Petition.SYSTEM, "?", status, Petition.XML, Acks.refused(status, reason), reason);
    }

    private static Long declaredLength(Exchange exchange) {
        String length = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, String.class);
        try {
            return length == null ? null : Long.valueOf(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
