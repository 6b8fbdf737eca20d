package org.disputehub.connector.petition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.connector.InboundRejectedException;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.RawMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Second step of route {@code petition-inbound}: checks the bytes are UTF-8, parses them with {@link SafeXml}
 * (no DOCTYPE, no entities), maps and validates the petition (→ 400 naming the element), then decides:
 * <ul>
 *   <li>XFJBH never seen → NEW envelope, its case id allocated now and preset;</li>
 *   <li>seen with the same bytes (SHA-256) → nothing to send: a DUPLICATE audit record, the same CaseId;</li>
 *   <li>seen with other bytes → UPDATE envelope for the same case; a replayed request (same signature)
 *       whose petition has changed since is refused (401) instead of rolling the case back.</li>
 * </ul>
 * The envelope is stored by the broker before the version is recorded and before the 200 is written.
 */
public class PetitionIntake {

    private static final Logger log = LoggerFactory.getLogger(PetitionIntake.class);
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\uFEFF?<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(PetitionIntake::sha256);
    private static final int STRIPES = 64;

    private final PetitionMapper mapper;
    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final ConnectorMetrics metrics;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public PetitionIntake(PetitionMapper mapper, ConnectorStore store, IntakePublisher publisher,
                          ConnectorMetrics metrics, Clock clock) {
        this.mapper = mapper;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public void accept(Exchange exchange) {
        byte[] raw = exchange.getProperty(InboundErrorPolicy.RAW, byte[].class);
        String text = utf8(raw);
        String xfjbh;
        CanonicalCase mapped;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(Petition.OFFSET);
        try {
            Document document = SafeXml.parse(raw);
            xfjbh = PetitionMapper.xfjbh(document);
            try {
                mapped = mapper.map(document, now);
            } catch (MalformedPetitionException e) {
                throw malformed(xfjbh, e.getMessage());
            }
        } catch (SafeXml.XmlRejectedException | MalformedPetitionException e) {
            throw malformed("?", e.getMessage());
        }
        boolean replayed = Boolean.TRUE.equals(exchange.getProperty(PetitionReceiver.REPLAYED, Boolean.class));
        String caseId = take(xfjbh, mapped, new RawMessage(Petition.XML, text), version(raw), replayed, now);
        exchange.getMessage().getHeaders().keySet().removeIf(h -> !h.startsWith("Camel"));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Petition.XML);
        exchange.getMessage().setBody(Acks.accepted(caseId));
    }

    private String take(String xfjbh, CanonicalCase mapped, RawMessage raw, String version, boolean replayed,
                        OffsetDateTime now) {
        ReentrantLock lock = locks[Math.floorMod(xfjbh.hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<String> seen = store.sourceVersion(Petition.SYSTEM, xfjbh).filter(v -> !v.equals("-"));
            if (seen.isPresent() && seen.get().equals(version)) {
                String caseId = store.caseIdOf(Petition.SYSTEM, xfjbh).orElseThrow();
                publisher.audit(new AuditRecord(Petition.SYSTEM, AuditRecord.Direction.IN, xfjbh, Petition.XML, raw.body(),
                        AuditRecord.Outcome.DUPLICATE, "already case " + caseId, now));
                metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.DUPLICATE);
                log.info("petition {} sent again unchanged: caseId={}", xfjbh, caseId);
                return caseId;
            }
            if (seen.isPresent() && replayed) {
                metrics.rejected(401);
                String reason = "replayed request: petition " + xfjbh + " has changed since it was signed";
                throw new InboundRejectedException(Petition.SYSTEM, xfjbh, 401, Petition.XML, Acks.refused(401, reason), reason);
            }
            String caseId = store.allocateCaseId(Petition.SYSTEM, xfjbh);
            EnvelopeType type = seen.isPresent() ? EnvelopeType.UPDATE : EnvelopeType.NEW;
            publisher.envelope(new CaseEnvelope(UUID.randomUUID().toString(), type, Petition.SYSTEM, xfjbh, now,
                    mapped.withCaseId(caseId), null, raw));
            store.saveSourceVersion(Petition.SYSTEM, xfjbh, version);
            metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.ACCEPTED);
            log.info("petition {} → {} caseId={} ({} petitioners{})", xfjbh, type, caseId, mapped.headcount(),
                    mapped.related() == null ? "" : ", repeat");
            return caseId;
        } finally {
            lock.unlock();
        }
    }

    private String utf8(byte[] raw) {
        CharsetDecoder decoder = UTF8.get().reset();
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed("?", "body is not valid UTF-8 (at byte " + in.position() + ")");
        }
        String text = out.flip().toString();
        Matcher declared = DECLARED_ENCODING.matcher(text);
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8") && !declared.group(1).equalsIgnoreCase("UTF8")) {
            throw malformed("?", "XML declaration names encoding '" + PetitionMapper.clip(declared.group(1), 20)
                    + "'; the contract requires UTF-8");
        }
        return text;
    }

    private InboundRejectedException malformed(String ref, String reason) {
        metrics.rejected(400);
        return new InboundRejectedException(Petition.SYSTEM, ref, 400, Petition.XML, Acks.refused(400, reason), reason);
    }

    private static String version(byte[] raw) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(raw));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
