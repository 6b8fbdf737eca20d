package org.disputehub.connector.petition;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the direct child elements of one element of a petition, naming each by its path
 * ({@code XFJBH}, {@code WTSD/XZQH}, {@code XFR[2]/XM}) in every complaint. A single-valued element that
 * appears twice, or a text element with child elements (whose text would be theirs run together), is refused
 * rather than guessed at.
 */
final class PetitionElements {

    private final Element element;
    private final String path;

    private PetitionElements(Element element, String path) {
        this.element = element;
        this.path = path;
    }

    /** The document's root, which must be {@code <name>}. */
    static PetitionElements root(Document document, String name) {
        Element root = document.getDocumentElement();
        if (root == null || !name.equals(root.getTagName())) {
            throw new MalformedPetitionException(name, "must be the root element, was <"
                    + (root == null ? "" : PetitionMapper.clip(root.getTagName(), 20)) + ">");
        }
        return new PetitionElements(root, "");
    }

    /** The trimmed text of the one child {@code <name>}; missing or blank is malformed. */
    String required(String name) {
        String text = optional(name);
        if (text == null) {
            throw new MalformedPetitionException(path + name, "missing");
        }
        return text;
    }

    /** The trimmed text of the child {@code <name>}, or null when it is absent or blank. */
    String optional(String name) {
        List<Element> found = elements(name);
        if (found.size() > 1) {
            throw new MalformedPetitionException(path + name, "appears " + found.size() + " times, once allowed");
        }
        if (found.isEmpty()) {
            return null;
        }
        for (Node n = found.get(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                throw new MalformedPetitionException(path + name, "must be text, has child elements");
            }
        }
        String text = found.get(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** The one child {@code <name>}, which must be there. */
    PetitionElements child(String name) {
        List<Element> found = elements(name);
        if (found.size() != 1) {
            throw new MalformedPetitionException(path + name, found.isEmpty() ? "missing"
                    : "appears " + found.size() + " times, once allowed");
        }
        return new PetitionElements(found.get(0), path + name + "/");
    }

    /** Every child {@code <name>}, in document order. */
    List<PetitionElements> children(String name) {
        List<Element> found = elements(name);
        List<PetitionElements> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            out.add(new PetitionElements(found.get(i), path + name + "[" + (i + 1) + "]/"));
        }
        return out;
    }

    private List<Element> elements(String name) {
        List<Element> found = new ArrayList<>(2);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }
}
