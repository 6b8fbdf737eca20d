package org.disputehub.connector.petition;

/** The hub's replies to a push (docs/interfaces/petition.md): {@code <Ack><Code>…</Code>…</Ack>}. */
final class Acks {

    private static final String ACK = "Ack";

    private Acks() {
    }

    /** 200: accepted and stored durably. */
    static String accepted(String caseId) {
        return XmlText.root(ACK).element("Code", "0").element("CaseId", caseId).close(ACK);
    }

    /** 400, 401, 413: refused, with the reason (code {@code E400}, {@code E401}, {@code E413}). */
    static String refused(int status, String message) {
        return XmlText.root(ACK).element("Code", "E" + status).element("Message", message).close(ACK);
    }
}
