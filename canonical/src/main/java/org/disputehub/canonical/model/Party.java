package org.disputehub.canonical.model;

/** A person or organisation in a case. Personal fields are kept whole in the store only, never logged. */
public record Party(Parts.PartyRole role, String name, String phone, String idNumber, String organization, String orgCode) {

    public static Party reporter(String name, String phone) {
        return new Party(Parts.PartyRole.REPORTER, name, phone, null, null, null);
    }
}
