package org.disputehub.connector.hotline12345;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;

/** The hotline fixtures of the test-fixtures module ({@code fixtures/hotline12345/...} on the classpath). */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/hotline12345/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return Json.mapper().readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> records(String pagePath) {
        List<JsonNode> out = new ArrayList<>();
        json(pagePath).path("data").path("records").forEach(out::add);
        return out;
    }

    /** A listing reply (code 0) carrying these records. */
    static String page(JsonNode... records) {
        ObjectNode reply = Json.mapper().createObjectNode().put("code", 0).put("msg", "ok");
        ObjectNode data = reply.putObject("data").put("total", records.length).put("pageNo", 1).put("pageSize", 6);
        data.putArray("records").addAll(List.of(records));
        return reply.toString();
    }
}
