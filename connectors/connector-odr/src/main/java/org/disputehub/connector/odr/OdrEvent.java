package org.disputehub.connector.odr;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.disputehub.canonical.codec.Json;

/**
 * The envelope of every ODR webhook: {@code {id, type, created, data}}, with the raw text as received.
 * {@code created} (epoch seconds) is optional; {@code data} is checked by the mapper of each type.
 */
public record OdrEvent(String id, String type, Long created, JsonNode data, String raw) {

    public static final String CREATED = "dispute.created";
    public static final String UPDATED = "dispute.updated";
    public static final String WITHDRAWN = "dispute.withdrawn";
    public static final String CONCLUDED = "mediation.concluded";
    /** Long enough for real ids, short enough that "ODR:{id}:{STATUS}" fits the hub's 64-character event ids. */
    static final int ID_MAX = 48;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1," + ID_MAX + "}");
    /** 9999-12-31T23:59:59Z: a later (or negative) {@code created} is no time the hub can represent. */
    static final long CREATED_MAX = 253_402_300_799L;
    /**
     * One JSON value and nothing after it, each key once: the body is read exactly one way (a second {@code id}, or
     * a second object after the first, would otherwise be silently dropped or overridden).
     */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses and checks a body already authenticated: strict UTF-8, exactly one JSON object without repeated keys,
     * a usable id and type, {@code created} (if any) whole epoch seconds from 1970 to 9999.
     */
    public static OdrEvent parse(byte[] body) {
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEventException("$", "body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = READER.readTree(raw);
        } catch (JacksonException e) {
            throw new MalformedEventException("$", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("$", "not a JSON object");
        }
        String id = EventFields.required(root, "id", "id", 200);
        if (!ID.matcher(id).matches()) {
            throw new MalformedEventException("id", "must be 1-" + ID_MAX + " letters, digits or _ . : -");
        }
        String type = EventFields.required(root, "type", "type", 64);
        JsonNode created = root.get("created");
        if (created != null && !created.isNull() && !(created.isIntegralNumber() && created.canConvertToLong()
                && created.asLong() >= 0 && created.asLong() <= CREATED_MAX)) {
            throw new MalformedEventException("created", "must be epoch seconds (0.." + CREATED_MAX + "), was "
                    + (created.isNumber() ? EventFields.clip(created.asText(), 24) : EventFields.type(created)));
        }
        Long createdAt = created == null || created.isNull() ? null : created.asLong();
        return new OdrEvent(id, type, createdAt, root.get("data"), raw);
    }

    public boolean known() {
        return CREATED.equals(type) || UPDATED.equals(type) || WITHDRAWN.equals(type) || CONCLUDED.equals(type);
    }

    /** The event's {@code data} object, required by every known type. */
    public JsonNode requireData() {
        if (data == null || data.isNull()) {
            throw new MalformedEventException("data", "missing");
        }
        if (!data.isObject()) {
            throw new MalformedEventException("data", "must be an object, was " + EventFields.type(data));
        }
        return data;
    }
}
