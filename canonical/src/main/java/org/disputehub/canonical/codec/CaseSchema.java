package org.disputehub.canonical.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates canonical cases against {@code schema/case-v1.json} (JSON Schema 2020-12, networknt). */
public final class CaseSchema {

    private static final JsonSchema SCHEMA = load();

    private CaseSchema() {
    }

    /** The violations, each naming the failing location; empty when the case is valid. */
    public static List<String> violations(JsonNode caseJson) {
        return SCHEMA.validate(caseJson).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = CaseSchema.class.getResourceAsStream("/schema/case-v1.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/case-v1.json missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
