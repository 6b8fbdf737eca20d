package org.disputehub.hub.messages;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseId}/messages}: the message log of a case — every raw message in and out for it and its
 * linked reports (direction, system, endpoint, time, size, SHA-256, outcome), bodies for ADMIN only, and its parked
 * messages with the admin operation that replays them.
 */
@RestController
class MessageLogController {

    static final String ADMIN = "ROLE_ADMIN";

    private final MessageLog log;

    MessageLogController(MessageLog log) {
        this.log = log;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> messages(@PathVariable String caseId, Authentication who) {
        boolean admin = who != null && who.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
        return log.of(caseId, admin).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "unknown case " + caseId)));
    }
}
