package org.disputehub.connector.petition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disputehub.canonical.codec.SafeXml;
import org.w3c.dom.Document;

/** The petition fixtures of the test-fixtures module ({@code fixtures/petition/...} on the classpath). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/petition/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static Document xml(String path) {
        return SafeXml.parse(bytes(path));
    }

    /** One line of samples/hostile/expected.txt: what the hub answers to a hostile sample. */
    record Hostile(String file, int status, String ref, String message) {

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Hostile> hostile() {
        return text("samples/hostile/expected.txt").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\|", 4))
                .map(p -> new Hostile(p[0], Integer.parseInt(p[1]), p[2], p[3]))
                .toList();
    }
}
