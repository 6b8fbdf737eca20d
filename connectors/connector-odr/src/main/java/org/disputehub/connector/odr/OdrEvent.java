package org.disputehub.connector.odr;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** Parses and checks a body already authenticated: strict UTF-8, a JSON object, a usable id and type. */
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
            root = Json.mapper().readTree(raw);
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
        if (created != null && !created.isNull() && !created.canConvertToExactIntegral()) {
            throw new MalformedEventException("created", "must be epoch seconds, was " + EventFields.type(created));
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
