package org.disputehub.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.ApiJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseId}}: the case, its links (the case it joined with score and rule, the reports
 * linked to it, repeat counts, its message log), dispatches and status history;
 * every time at +08:00 ({@link ApiJson}).
 */
@RestController
class CaseController {

    private final CaseStore cases;
    private final LinkStore links;

    CaseController(CaseStore cases, LinkStore links) {
        this.cases = cases;
        this.links = links;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> get(@PathVariable String caseId) {
        return cases.find(caseId).map(this::view).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404)
                        .body(ApiJson.object().put("error", "unknown case " + caseId)));
    }

    private ObjectNode view(StoredCase stored) {
        ObjectNode out = ApiJson.object();
        ObjectNode data = (ObjectNode) ApiJson.tree(stored.canonical());
        data.put("status", stored.status().name());
        data.put("escalated", stored.escalated());
        out.set("case", data);
        ObjectNode related = links.view(stored.caseId());
        related.put("messages", "/api/v1/cases/" + stored.caseId() + "/messages");
        out.set("links", related);
        out.set("dispatches", ApiJson.tree(cases.dispatches(stored.caseId())));
        out.set("statusHistory", ApiJson.tree(cases.events(stored.caseId())));
        return out;
    }
}
