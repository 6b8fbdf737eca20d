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

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/hotline12345/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of {@code samples/hostile/expected.csv}. */
    record Hostile(String file, String kind, String category, String outcome, String field, String reason) {

        boolean generated() {
            return file.startsWith("generated:");
        }

        String name() {
            return generated() ? file.substring("generated:".length()) : file;
        }

        /** The file's bytes (not for generated inputs). */
        byte[] bytes() {
            return Fixtures.bytes(file.startsWith("../") ? "samples/" + file.substring(3) : "samples/hostile/" + file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Hostile> corpus() {
        List<Hostile> out = new ArrayList<>();
        for (String line : text("samples/hostile/expected.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.strip().split(",", 6);
            out.add(new Hostile(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return out;
    }
}
