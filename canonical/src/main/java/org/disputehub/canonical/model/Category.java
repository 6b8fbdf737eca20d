package org.disputehub.canonical.model;

/**
 * The canonical category (major class, taxonomy code and name) and, beside it, always the source
 * system's own code and name so nothing is lost in translation.
 */
public record Category(String major, String code, String name, String sourceCode, String sourceName) {

    public static Category unclassifiedFrom(String sourceCode, String sourceName) {
        return new Category(null, null, null, sourceCode, sourceName);
    }

    public Category classifiedAs(String major, String code, String name) {
        return new Category(major, code, name, sourceCode, sourceName);
    }
}
