package org.disputehub.connector.petition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.fixtures.HostileCorpus;
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

    /** A stored hostile sample sent with a valid signature, with the answer it gets (samples/hostile/expected.csv). */
    record Hostile(String file, int status, String ref, String message) {

        @Override
        public String toString() {
            return file;
        }
    }

    /** The corpus's stored, validly signed samples under samples/hostile/. */
    static List<Hostile> hostile() {
        return HostileCorpus.load("petition").stream()
                .filter(i -> i.input().startsWith("hostile/") && i.signing().equals("valid"))
                .map(i -> new Hostile(i.input().substring("hostile/".length()), i.status(), i.ref(), i.error()))
                .toList();
    }
}
