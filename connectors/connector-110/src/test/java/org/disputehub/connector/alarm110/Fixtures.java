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

    /**
     * One line of {@code samples/hostile/expected.csv}: a file of that folder or an input the test builds
     * ({@code generated:…}), how it is delivered (JMS message type), its MsgType, category, the outcome the
     * connector owes, the element named and a text the reason (or, when accepted, the element) contains.
     */
    record Hostile(String file, String delivery, String msgType, String category, String outcome, String element,
                   String reason) {

        boolean accepted() {
            return "ACCEPTED".equals(outcome);
        }

        /** Delivered as a text or bytes message (what {@link AlarmReader#read} sees as the body). */
        boolean textOrBytes() {
            return "text".equals(delivery) || "bytes".equals(delivery);
        }

        /** The body as the sender puts it: bytes for a bytes message, else the text. */
        Object body() {
            byte[] bytes = file.startsWith(GENERATED) ? generated(file.substring(GENERATED.length()))
                    : bytes("samples/hostile/" + file);
            return "bytes".equals(delivery) ? bytes : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static final String GENERATED = "generated:";

    /** Every line of the corpus manifest. */
    static List<Hostile> corpus() {
        List<Hostile> out = new ArrayList<>();
        for (String line : text("samples/hostile/expected.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.strip().split(",", 7);
            out.add(new Hostile(f[0], f[1], "-".equals(f[2]) ? null : f[2], f[3], f[4], f[5], f[6]));
        }
        return out;
    }

    /** The refused inputs that reach the reader as a text or bytes body. */
    static List<Hostile> hostile() {
        return corpus().stream().filter(h -> !h.accepted() && h.textOrBytes()).toList();
    }

    /** The bytes of a generated input (an empty array for the non-text JMS message types). */
    static byte[] generated(String name) {
        String valid = text("samples/valid/ldlx1-noise.xml");
        String body = switch (name) {
            case "oversize-ascii-65537" -> pad(valid, 65_537);
            case "oversize-1mib" -> pad(valid, 1024 * 1024);
            case "oversize-cjk-text", "oversize-cjk-bytes" ->
                    valid.replaceFirst("<BJNR>[^<]*</BJNR>", "<BJNR>" + "噪".repeat(22_000) + "</BJNR>");
            case "deep-nesting" -> valid.replaceFirst("<BJNR>[^<]*</BJNR>",
                    "<BJNR>" + "<a>".repeat(7_000) + "噪音" + "</a>".repeat(7_000) + "</BJNR>");
            case "gbk-garbled-text" -> new String(bytes("samples/hostile/gbk-bytes.xml"), StandardCharsets.UTF_8);
            case "blank-text" -> " \n\t ";
            case "no-msgtype" -> valid.replace("0001</JQBH>", "0299</JQBH>");
            default -> "";
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid incident with a comment after it that brings it to exactly {@code bytes} UTF-8 bytes. */
    private static String pad(String xml, int bytes) {
        int have = xml.getBytes(StandardCharsets.UTF_8).length + "<!---->".length();
        return xml + "<!--" + "x".repeat(bytes - have) + "-->";
    }
}
