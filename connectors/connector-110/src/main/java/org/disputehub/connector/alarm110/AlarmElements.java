package org.disputehub.connector.alarm110;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads and checks the elements of a 110 message. Every failure is a {@link MalformedAlarmException}
 * naming the element; values of personal elements (name, phone) are never quoted in it.
 */
final class AlarmElements {

    private static final Pattern INCIDENT_NUMBER = Pattern.compile("\\d{18}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int QUOTE_MAX = 40;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Element root;
    private final StringBuilder content = new StringBuilder(512);

    AlarmElements(Element root) {
        this.root = root;
    }

    /**
     * The trimmed text of an element, null when absent or blank; every value read counts in {@link #contentHash()}.
     * An element given twice, one holding child elements (markup, an XInclude) and a value with control
     * characters other than tab and line breaks are refused.
     */
    String optional(String name) {
        String text = text(name);
        String value = text == null || text.isEmpty() ? null : text;
        content.append(name).append('=').append(value == null ? "" : value).append('\u0001');
        return value;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new MalformedAlarmException(name, "missing");
        }
        return value;
    }

    /** A required value that must match {@code pattern}; {@code rule} says what was expected. */
    String matching(String name, Pattern pattern, String rule) {
        String value = required(name);
        if (!pattern.matcher(value).matches()) {
            throw new MalformedAlarmException(name, rule + ", was '" + quote(value) + "'");
        }
        return value;
    }

    /** 警情编号: 18 digits = 6-digit region code + yyyyMMdd (a real date) + 4-digit sequence. */
    String incidentNumber(String name) {
        String value = matching(name, INCIDENT_NUMBER, "must be 18 digits (6-digit region + yyyyMMdd + 4-digit sequence)");
        try {
            LocalDate.parse(value.substring(6, 14), DAY);
        } catch (DateTimeParseException e) {
            throw new MalformedAlarmException(name, "digits 7-14 must be a date yyyyMMdd, was '" + value.substring(6, 14) + "'");
        }
        return value;
    }

    /** A required {@code yyyyMMddHHmmss} Asia/Shanghai time, at +08:00. */
    OffsetDateTime time(String name) {
        String value = required(name);
        try {
            return LocalDateTime.parse(value, Alarm110.WIRE_TIME).atOffset(Alarm110.OFFSET);
        } catch (DateTimeParseException e) {
            throw new MalformedAlarmException(name, "not a time yyyyMMddHHmmss, was '" + quote(value) + "'");
        }
    }

    /** An optional text of at most {@code max} characters (code points). */
    String bounded(String name, boolean required, int max) {
        String value = required ? required(name) : optional(name);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new MalformedAlarmException(name, "longer than " + max + " characters ("
                    + value.codePointCount(0, value.length()) + ")");
        }
        return value;
    }

    private String text(String name) {
        Element found = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                if (found != null) {
                    throw new MalformedAlarmException(name, "given more than once");
                }
                found = e;
            }
        }
        if (found == null) {
            return null;
        }
        for (Node n = found.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                throw new MalformedAlarmException(name, "must be text, has a child element <" + quote(child.getTagName()) + ">");
            }
        }
        String text = found.getTextContent().trim();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new MalformedAlarmException(name, String.format("control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return text;
    }

    /** SHA-256 (hex, 64 characters) over every element read so far, names and values: equal content, equal hash. */
    String contentHash() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A value fit to quote in an error (never personal data): clipped, control characters replaced. */
    static String quote(String value) {
        String clipped = value.length() > QUOTE_MAX ? value.substring(0, QUOTE_MAX) + "…" : value;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
