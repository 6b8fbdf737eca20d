package org.disputehub.connector.alarm110;

import java.nio.charset.StandardCharsets;
import org.disputehub.canonical.codec.SafeXml;
import org.w3c.dom.Element;

/** The XML of the feedback call: the {@code <FKXX>} body (every value escaped) and the {@code <FKJG>} reply. */
final class FeedbackXml {

    private FeedbackXml() {
    }

    /** The {@code <FKXX>} body, elements in the contract's order. */
    static String fkxx(String jqbh, String fksj, String fkzt, String deptCode, String dept, String note) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FKXX>\n");
        element(xml, "JQBH", jqbh);
        element(xml, "FKSJ", fksj);
        element(xml, "FKZT", fkzt);
        element(xml, "CZDWDM", deptCode);
        element(xml, "CZDW", dept);
        element(xml, "FKNR", note);
        return xml.append("</FKXX>\n").toString();
    }

    /** The reply's {@code CODE}; a reply that is not {@code <FKJG>} with a numeric CODE is a {@link IllegalArgumentException}. */
    static Reply reply(byte[] body) {
        Element root;
        try {
            root = SafeXml.parse(body).getDocumentElement();
        } catch (SafeXml.XmlRejectedException e) {
            throw new IllegalArgumentException("reply is not XML: " + e.getMessage(), e);
        }
        String code = "FKJG".equals(root.getTagName()) ? SafeXml.text(root, "CODE") : null;
        if (code == null || !code.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("reply is not <FKJG> with a numeric <CODE>: "
                    + AlarmElements.quote(new String(body, StandardCharsets.UTF_8)));
        }
        String msg = SafeXml.text(root, "MSG");
        return new Reply(Integer.parseInt(code), msg == null ? "" : msg);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append('>');
        escape(xml, value == null ? "" : value);
        xml.append("</").append(name).append(">\n");
    }

    /** Escapes markup and drops what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). */
    static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        xml.appendCodePoint(c);
                    }
                }
            }
        }
    }

    /** The {@code <FKJG>} reply. */
    record Reply(int code, String msg) {
    }
}
