package org.disputehub.connector.alarm110;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 110 fixtures of the test-fixtures module ({@code fixtures/alarm110/...} on the classpath). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/alarm110/" + path)) {
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

    /** One line of samples/malformed/cases.csv. */
    record Hostile(String file, String msgType, String element, String reason) {

        /** The body as a bridge would deliver it: raw bytes for a file that is not UTF-8, else the text. */
        Object body() {
            return file.startsWith("gbk") ? bytes("samples/malformed/" + file) : text("samples/malformed/" + file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Hostile> hostile() {
        List<Hostile> out = new ArrayList<>();
        for (String line : text("samples/malformed/cases.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.strip().split(",", 4);
            out.add(new Hostile(f[0], f[1], f[2], f[3]));
        }
        return out;
    }
}
