package org.disputehub.canonical.model;

/** Small value types shared by the canonical case. */
public final class Parts {
    private Parts() {
    }

    public enum PartyRole { REPORTER, RESPONDENT, OTHER }

    public enum RiskLevel { RED, YELLOW, GREEN }
}
