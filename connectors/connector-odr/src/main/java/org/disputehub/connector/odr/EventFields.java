package org.disputehub.connector.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Typed, checked reads of the fields of an ODR event; every problem is a {@link MalformedEventException} naming the field. */
final class EventFields {

    private EventFields() {
    }

    static JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedEventException(path, "missing");
            }
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedEventException(path, "must be an object, was " + type(node));
        }
        return node;
    }

    static String required(JsonNode parent, String name, String path, int maxLength) {
        String value = optional(parent, name, path, maxLength);
        if (value == null) {
            throw new MalformedEventException(path, "missing");
        }
        return value;
    }

    /** A text field, trimmed; null when absent, null or blank; a non-text value or a longer one is malformed. */
    static String optional(JsonNode parent, String name, String path, int maxLength) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedEventException(path, "must be a string, was " + type(node));
        }
        String text = node.asText().strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new MalformedEventException(path, "longer than " + maxLength + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    static OffsetDateTime time(JsonNode parent, String name, String path) {
        String text = required(parent, name, path, 40);
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(path, "not an ISO-8601 time with offset: '" + text + "'");
        }
    }

    static BigDecimal amount(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new MalformedEventException(path, "must be a number, was " + type(node));
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 13) {
            throw new MalformedEventException(path, "must be a non-negative CNY amount with at most 2 decimals");
        }
        return amount;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }
}
