package org.disputehub.canonical.model;

/** A source message exactly as received, kept for the audit log. */
public record RawMessage(String contentType, String body) {
}
