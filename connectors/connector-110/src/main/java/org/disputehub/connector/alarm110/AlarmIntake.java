package org.disputehub.connector.alarm110;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.RawMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code alarm110-intake}. {@link #read} checks one message and decides:
 * <ul>
 *   <li>an incident whose JQBH the connector never sent → NEW; sent before with other content → UPDATE;</li>
 *   <li>sent before with the same content (the content hash stored as the source version) → NEW again: an
 *       attempt that stored the hash may have been rolled back before its envelope was committed (a crash), and
 *       the broker's redelivered flag does not survive its own restart, so the connector does not decide — the
 *       hub de-duplicates by JQBH (records DUPLICATE, or creates the case it never got);</li>
 *   <li>a withdrawal → WITHDRAW, once per content like an incident; a withdrawal of an incident the
 *       connector has not taken in yet is a temporary failure (retried while the incident may still be on
 *       its way, then parked);</li>
 *   <li>anything malformed → REJECTED on the audit queue with the raw body, then parked by {@link #park}.</li>
 * </ul>
 */
public class AlarmIntake {

    /** Exchange property: what the route does with the message. */
    public static final String ACTION = "alarm110Action";
    static final String KEY = "alarm110Key";
    static final String VERSION = "alarm110Version";
    static final String REASON = "alarm110Reason";
    static final String WITHDRAWAL_SUFFIX = ":CX";
    private static final Logger log = LoggerFactory.getLogger(AlarmIntake.class);
    private static final Pattern JQBH = Pattern.compile("<JQBH>\\s*(\\d{1,32})\\s*</JQBH>");

    /** What the route does with a message. */
    public enum Action { SEND, REJECT }

    private final AlarmReader reader;
    private final ConnectorStore store;
    private final ConnectorMetrics metrics;
    private final Clock clock;

    public AlarmIntake(AlarmReader reader, ConnectorStore store, ConnectorMetrics metrics, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        boolean redelivered = Boolean.TRUE.equals(in.getHeader("JMSRedelivered", Boolean.class));
        String messageId = in.getHeader("JMSMessageID", String.class);
        OffsetDateTime now = OffsetDateTime.now(clock);
        AlarmMessage alarm;
        try {
            alarm = reader.read(in.getHeader(Alarm110.MSG_TYPE, String.class), body, now);
        } catch (MalformedAlarmException e) {
            String ref = ref(body, messageId);
            exchange.setProperty(ACTION, Action.REJECT);
            exchange.setProperty(REASON, e.getMessage());
            String raw = AlarmReader.text(body);
            String note = raw.length() > AlarmReader.MAX_BYTES ? " (recorded: the first " + AlarmReader.MAX_BYTES
                    + " characters; the parked message is whole)" : "";
            auditBody(in, new AuditRecord(Alarm110.SYSTEM, AuditRecord.Direction.IN, ref, Alarm110.XML,
                    note.isEmpty() ? raw : raw.substring(0, AlarmReader.MAX_BYTES), AuditRecord.Outcome.REJECTED,
                    e.getMessage() + note, now));
            metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.REJECTED);
            log.warn("alarm110 rejected message {}: {}", Masking.text(ref), Masking.text(e.getMessage()));
            return;
        }
        boolean withdrawal = alarm instanceof AlarmMessage.Withdrawal;
        String key = withdrawal ? alarm.jqbh() + WITHDRAWAL_SUFFIX : alarm.jqbh();
        Optional<String> seen = store.sourceVersion(Alarm110.SYSTEM, key);
        boolean same = seen.isPresent() && seen.get().equals(alarm.contentHash());
        if (same) {
            log.info("alarm110 {} {} sent again with the same content{}: forwarded for the hub to de-duplicate",
                    withdrawal ? "withdrawal" : "incident", Masking.text(alarm.jqbh()), redelivered ? " (redelivered)" : "");
        }
        if (withdrawal && store.sourceVersion(Alarm110.SYSTEM, alarm.jqbh()).isEmpty()) {
            throw new TemporaryFailureException("alarm110 withdrawal of incident " + alarm.jqbh()
                    + " that has not been taken in (yet)");
        }
        EnvelopeType type = withdrawal ? EnvelopeType.WITHDRAW
                : seen.isEmpty() || same ? EnvelopeType.NEW : EnvelopeType.UPDATE;
        CaseEnvelope envelope = envelope(type, alarm, new RawMessage(Alarm110.XML, AlarmReader.text(body)), now);
        exchange.setProperty(ACTION, Action.SEND);
        exchange.setProperty(KEY, key);
        exchange.setProperty(VERSION, alarm.contentHash());
        in.removeHeaders("*");
        in.setHeader(HubHeaders.GROUP_ID, Alarm110.SYSTEM + ":" + alarm.jqbh());
        in.setBody(Json.write(envelope));
        log.debug("alarm110 {} {} → {}{}", withdrawal ? "withdrawal" : "incident", alarm.jqbh(), type,
                redelivered ? " (redelivered)" : "");
    }

    /** After the envelope went to the intake queue: remember the content sent. */
    public void recorded(Exchange exchange) {
        String key = exchange.getProperty(KEY, String.class);
        store.saveSourceVersion(Alarm110.SYSTEM, key, exchange.getProperty(VERSION, String.class));
        metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.ACCEPTED);
        log.info("alarm110 {} taken in", Masking.text(key)); // a JQBH may pass as an ID number
    }

    /** After the rejection was audited: park the original message on the DLQ with the reason. */
    public void park(Exchange exchange) {
        throw new PermanentFailureException("alarm110 " + exchange.getProperty(REASON, String.class));
    }

    private static CaseEnvelope envelope(EnvelopeType type, AlarmMessage alarm, RawMessage raw, OffsetDateTime now) {
        // the same content gives the same envelope id (the hub takes a WITHDRAW's id as its status event id)
        String id = UUID.nameUUIDFromBytes((Alarm110.SYSTEM + "|" + type + "|" + alarm.jqbh() + "|" + alarm.contentHash())
                .getBytes(StandardCharsets.UTF_8)).toString();
        if (alarm instanceof AlarmMessage.Incident i) {
            return new CaseEnvelope(id, type, Alarm110.SYSTEM, i.jqbh(),
                    type == EnvelopeType.NEW ? i.caseData().reportedAt() : now, i.caseData(), null, raw);
        }
        AlarmMessage.Withdrawal w = (AlarmMessage.Withdrawal) alarm;
        return new CaseEnvelope(id, type, Alarm110.SYSTEM, w.jqbh(), w.at(), null, w.reason(), raw);
    }

    private static void auditBody(Message in, AuditRecord record) {
        in.removeHeaders("*");
        in.setBody(Json.write(record));
    }

    private static String ref(Object body, String messageId) {
        String text = AlarmReader.text(body);
        Matcher m = JQBH.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        if (m.find()) {
            return m.group(1);
        }
        return messageId == null ? "?" : messageId.length() > 128 ? messageId.substring(0, 128) : messageId;
    }
}
