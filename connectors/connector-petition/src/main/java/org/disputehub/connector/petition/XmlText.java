package org.disputehub.connector.petition;

/**
 * Writes the small XML documents of the contract (Ack, BLZT) element by element: every text value is escaped
 * ({@code & < >}; there are no attributes),
 * and characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so
 * no value can break the document or inject markup.
 */
final class XmlText {

    private final StringBuilder out = new StringBuilder(256);

    /** Opens the root element. */
    static XmlText root(String name) {
        XmlText xml = new XmlText();
        xml.out.append('<').append(name).append('>');
        return xml;
    }

    /** Adds {@code <name>escaped value</name>}; nothing when the value is null. */
    XmlText element(String name, String value) {
        if (value != null) {
            out.append('<').append(name).append('>');
            escape(value, out);
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** Closes the root element and returns the document. */
    String close(String root) {
        return out.append("</").append(root).append('>').toString();
    }

    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
