package org.disputehub.canonical.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML: any DOCTYPE is refused (so no DTD, no external or internal entity, no billion laughs),
 * nothing is fetched, elements nest at most {@value #MAX_DEPTH} deep (DOM walks such as {@code getTextContent()}
 * recurse, and a deeper document would overflow the stack), and every failure says what is wrong and where.
 */
public final class SafeXml {

    /** The XML is unacceptable; {@link #getMessage()} is fit to send back to the sender. */
    public static class XmlRejectedException extends RuntimeException {
        private final boolean doctype;

        XmlRejectedException(String message, boolean doctype, Throwable cause) {
            super(message, cause);
            this.doctype = doctype;
        }

        public boolean isDoctype() {
            return doctype;
        }
    }

    /** The deepest element nesting accepted; no message the hub reads comes near it. */
    public static final int MAX_DEPTH = 100;
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    private SafeXml() {
    }

    public static Document parse(byte[] xml) {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(null);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            boolean doctype = String.valueOf(e.getMessage()).contains("DOCTYPE");
            if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
                throw new XmlRejectedException("malformed XML at line " + e.getLineNumber() + ": elements nested deeper than "
                        + MAX_DEPTH, false, e);
            }
            throw new XmlRejectedException(doctype ? "DOCTYPE is not allowed"
                    : "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage(), doctype, e);
        } catch (SAXException | IOException e) {
            throw new XmlRejectedException("malformed XML: " + e.getMessage(), false, e);
        }
    }

    /** The trimmed text of the first direct child element with that name, or null. */
    public static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot configure a safe XML parser", e);
        }
    }
}
