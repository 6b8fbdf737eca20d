package org.disputehub.connector.hotline12345;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;

/**
 * Maps one hotline work-order record (docs/interfaces/hotline-12345.md) to a canonical case without a case id
 * (the hub assigns it) and unclassified (the hub classifies; the hotline's own code and name are kept).
 * Rejects a record the hub cannot use with a {@link MalformedWorkOrderException} naming the field.
 */
public class WorkOrderMapper {

    private static final Pattern AREA_CODE = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{3,20}");
    private static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Set<String> APPEAL_TYPES = Set.of("投诉", "求助", "咨询", "建议", "举报");
    private static final Set<String> ORDER_STATUSES = Set.of("待签收", "办理中", "已办结", Hotline12345.WITHDRAWN);
    private static final int EARLIEST_YEAR = 2000;
    private static final Map<String, String> URGENCY = Map.of("一般", "NORMAL", "紧急", "URGENT");
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 4000;
    private static final int ORDER_NO_MAX = 64;

    /** The case a record describes, received at {@code receivedAt}. */
    public CanonicalCase map(JsonNode record, OffsetDateTime receivedAt) {
        requireObject(record);
        String orderNo = orderNo(record);
        OffsetDateTime accepted = time(record, "acceptTime");
        time(record, "updateTime");
        String content = required(record, "content");
        String areaCode = required(record, "areaCode");
        if (!AREA_CODE.matcher(areaCode).matches()) {
            throw new MalformedWorkOrderException("areaCode", "must be a 6-digit region code, was '" + clip(areaCode, 40) + "'");
        }
        String categoryCode = required(record, "categoryCode");
        if (!CATEGORY_CODE.matcher(categoryCode).matches()) {
            throw new MalformedWorkOrderException("categoryCode", "must be a catalogue code (letters and digits, up to 16)");
        }
        String appealType = oneOf(record, "appealType", APPEAL_TYPES);
        oneOf(record, "orderStatus", ORDER_STATUSES);
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(Hotline12345.SYSTEM, orderNo, Hotline12345.CHANNEL, receivedAt, null),
                accepted,
                clip(optional(record, "title"), TITLE_MAX),
                clip(content, DESCRIPTION_MAX),
                Category.unclassifiedFrom(categoryCode, optional(record, "categoryName")),
                appealType,
                reporter(record),
                null, null,
                new Location(optional(record, "address"), areaCode, null, null, null),
                urgency(record),
                null, null, null,
                CaseStatus.RECEIVED);
    }

    /** The record's {@code orderNo}, checked. */
    public static String orderNo(JsonNode record) {
        requireObject(record);
        String orderNo = required(record, "orderNo");
        if (orderNo.length() > ORDER_NO_MAX) {
            throw new MalformedWorkOrderException("orderNo", "longer than " + ORDER_NO_MAX + " characters");
        }
        if (!ORDER_NO.matcher(orderNo).matches()) {
            throw new MalformedWorkOrderException("orderNo",
                    "only letters, digits, '-' and '_' (it is a path segment of the feedback URL)");
        }
        return orderNo;
    }

    /** A record time ({@code yyyy-MM-dd HH:mm:ss}, Asia/Shanghai) at +08:00. */
    public static OffsetDateTime time(JsonNode record, String field) {
        requireObject(record);
        String text = required(record, field);
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(text, Hotline12345.WIRE_TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedWorkOrderException(field, "not a time of the form yyyy-MM-dd HH:mm:ss: '" + clip(text, 40) + "'");
        }
        if (time.getYear() < EARLIEST_YEAR) {
            throw new MalformedWorkOrderException(field, "out of range (before " + EARLIEST_YEAR + "): '" + text + "'");
        }
        return time.atOffset(Hotline12345.OFFSET);
    }

    private static List<Party> reporter(JsonNode record) {
        String name = optional(record, "callerName");
        String phone = optional(record, "callerPhone");
        if (phone != null) {
            phone = phone.replace(" ", "");
            if (!PHONE.matcher(phone).matches()) {
                throw new MalformedWorkOrderException("callerPhone", "not a phone number (3-20 digits, + or -)");
            }
        }
        return name == null && phone == null ? List.of() : List.of(Party.reporter(name, phone));
    }

    private static String urgency(JsonNode record) {
        String urgency = optional(record, "urgency");
        if (urgency == null) {
            return "NORMAL";
        }
        String canonical = URGENCY.get(urgency);
        if (canonical == null) {
            throw new MalformedWorkOrderException("urgency", "unknown value '" + clip(urgency, 40) + "' (一般 or 紧急)");
        }
        return canonical;
    }

    /** An optional text field that, when given, must be one of the contract's values. */
    private static String oneOf(JsonNode record, String field, Set<String> values) {
        String value = optional(record, field);
        if (value != null && !values.contains(value)) {
            throw new MalformedWorkOrderException(field, "unknown value '" + clip(value, 40) + "' ("
                    + String.join(", ", values.stream().sorted().toList()) + ")");
        }
        return value;
    }

    private static void requireObject(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new MalformedWorkOrderException("record", "not a JSON object");
        }
    }

    private static String required(JsonNode record, String field) {
        String value = optional(record, field);
        if (value == null) {
            throw new MalformedWorkOrderException(field, "missing");
        }
        return value;
    }

    /** A text field, trimmed; null when absent, null or blank; a non-text value is malformed. */
    private static String optional(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedWorkOrderException(field, "must be a string, was " + node.getNodeType().name().toLowerCase());
        }
        String text = node.asText().strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new MalformedWorkOrderException(field,
                        String.format("control character U+%04X at position %d", (int) c, i + 1));
            }
            if (c == '\uFFFD') {
                throw new MalformedWorkOrderException(field, "carries U+FFFD replacement characters: the text was garbled "
                        + "(GBK decoded as UTF-8?) before it reached the hub");
            }
        }
        return text.isEmpty() ? null : text;
    }

    private static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
