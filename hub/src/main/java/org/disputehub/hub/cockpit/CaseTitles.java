package org.disputehub.hub.cockpit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;

/** What the cockpit shows of a stored case's JSON: its title and risk reasons, phone and ID numbers masked. */
final class CaseTitles {

    private CaseTitles() {
    }

    static String of(String data) {
        return Masking.text(Json.read(data, JsonNode.class).path("title").asText(null));
    }

    static List<String> riskReasons(String data) {
        List<String> out = new ArrayList<>();
        Json.read(data, JsonNode.class).path("risk").path("reasons").forEach(r -> out.add(Masking.text(r.asText())));
        return out;
    }
}
