package org.disputehub.connector.alarm110;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disputehub.canonical.codec.SafeXml;
import org.w3c.dom.Element;

/**
 * Turns one JMS message of the 110 platform into an {@link AlarmMessage}, refusing — with a
 * {@link MalformedAlarmException} naming what is wrong — an unknown {@code MsgType}, a body over
 * {@value #MAX_BYTES} bytes, a body that is not UTF-8 (bytes that do not decode, a text that already
 * carries U+FFFD replacement characters, an XML declaration naming another encoding), XML that is not
 * well-formed or has a DOCTYPE (so no entity of any kind), the wrong root element, and every element
 * rule of the contract.
 */
public class AlarmReader {

    /** The largest body accepted (a full JQXX with 2000 characters of BJNR is under 8 KiB). */
    public static final int MAX_BYTES = 64 * 1024;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private final IncidentMapper incidents;
    private final WithdrawalMapper withdrawals;

    public AlarmReader(IncidentMapper incidents, WithdrawalMapper withdrawals) {
        this.incidents = incidents;
        this.withdrawals = withdrawals;
    }

    /** Reads a message whose JMS body is a text ({@code String}) or bytes ({@code byte[]}). */
    public AlarmMessage read(String msgType, Object body, OffsetDateTime receivedAt) {
        String root = rootFor(msgType);
        Element element = parse(utf8(body), root);
        return Alarm110.LDJQ.equals(msgType) ? incidents.map(element, receivedAt) : withdrawals.map(element);
    }

    /** The body as the text it carries, for the audit log: bytes that are not UTF-8 get replacement characters. */
    public static String text(Object body) {
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return body == null ? "" : body.toString();
    }

    private static String rootFor(String msgType) {
        if (msgType == null || msgType.isBlank()) {
            throw new MalformedAlarmException(Alarm110.MSG_TYPE, "missing (LDJQ or LDJQ_CX)");
        }
        return switch (msgType) {
            case Alarm110.LDJQ -> IncidentMapper.ROOT;
            case Alarm110.LDJQ_CX -> WithdrawalMapper.ROOT;
            default -> throw new MalformedAlarmException(Alarm110.MSG_TYPE,
                    "unknown '" + AlarmElements.quote(msgType) + "' (LDJQ or LDJQ_CX)");
        };
    }

    private static byte[] utf8(Object body) {
        if (body instanceof byte[] bytes) {
            size(bytes.length);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new MalformedAlarmException("encoding", "the body is not UTF-8 (GBK or another encoding?)");
            }
            declaredEncoding(new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8));
            return bytes;
        }
        if (!(body instanceof String text) || text.isBlank()) {
            throw new MalformedAlarmException("body", body == null || body instanceof String ? "empty"
                    : "not a text message " + (body instanceof AlarmJmsBodies.NonTextBody ? body
                    : "(" + body.getClass().getSimpleName() + ")") + ": only a TextMessage or BytesMessage of UTF-8 XML");
        }
        if (text.length() > MAX_BYTES) {
            throw new MalformedAlarmException("body", "over " + MAX_BYTES + " bytes (" + text.length() + " characters)");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            throw new MalformedAlarmException("encoding", "the text carries U+FFFD replacement characters: "
                    + "the sender's bytes were not UTF-8 (GBK?) and were garbled before they reached the hub");
        }
        declaredEncoding(text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        size(bytes.length);
        return bytes;
    }

    private static void size(int bytes) {
        if (bytes > MAX_BYTES) {
            throw new MalformedAlarmException("body", "over " + MAX_BYTES + " bytes (" + bytes + ")");
        }
    }

    private static void declaredEncoding(String head) {
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (m.find() && !m.group(1).equalsIgnoreCase("UTF-8") && !m.group(1).equalsIgnoreCase("UTF8")) {
            throw new MalformedAlarmException("encoding", "declared '" + AlarmElements.quote(m.group(1))
                    + "'; the contract requires UTF-8");
        }
    }

    private static Element parse(byte[] xml, String root) {
        Element element;
        try {
            element = SafeXml.parse(xml).getDocumentElement();
        } catch (SafeXml.XmlRejectedException e) {
            throw new MalformedAlarmException("XML", e.getMessage());
        }
        if (!root.equals(element.getTagName())) {
            throw new MalformedAlarmException("XML", "the root element must be <" + root + ">, was <"
                    + AlarmElements.quote(element.getTagName()) + ">");
        }
        return element;
    }
}
