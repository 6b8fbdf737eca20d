package org.disputehub.hub.api;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disputehub.hub.status.StatusAdmission;
import org.disputehub.hub.support.OutboundSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/cases/{caseId}/events}: a department reports what happened on a case
 * (docs/interfaces/departments.md). The principal is the department whose API key was presented.
 */
@RestController
class StatusController {

    private static final Logger LOG = LoggerFactory.getLogger("hub.api");

    private final StatusAdmission admission;
    private final OutboundSender sender;
    private final int maxBody;

    StatusController(StatusAdmission admission, OutboundSender sender,
                     @Value("${hub.api.max-event-bytes:65536}") int maxBody) {
        this.admission = admission;
        this.sender = sender;
        this.maxBody = maxBody;
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> report(@PathVariable String caseId, @RequestBody String body, Principal dept) {
        if (body.length() > maxBody) {
            return reply(HttpStatus.PAYLOAD_TOO_LARGE, "error", "event body over " + maxBody + " bytes");
        }
        StatusAdmission.Result r = admission.admit(caseId, body, dept.getName());
        if (r.verdict() != StatusAdmission.Verdict.ACCEPTED && r.verdict() != StatusAdmission.Verdict.ALREADY_RECEIVED) {
            LOG.warn("event for case {} from {} refused: {} {}", caseId, dept.getName(), r.verdict(), r.message());
        }
        return switch (r.verdict()) {
            case ACCEPTED -> {
                sender.send(r.emit());
                yield reply(HttpStatus.ACCEPTED, "accepted", true);
            }
            case ALREADY_RECEIVED -> reply(HttpStatus.ACCEPTED, "accepted", true, "duplicate", true);
            case MALFORMED -> reply(HttpStatus.BAD_REQUEST, "error", r.message());
            case UNKNOWN_CASE -> reply(HttpStatus.NOT_FOUND, "error", r.message());
            case NOT_ASSIGNED -> reply(HttpStatus.FORBIDDEN, "error", r.message());
            case REFUSED -> reply(HttpStatus.CONFLICT, "error", r.message(), "from", r.from(), "to", r.to());
        };
    }

    private static ResponseEntity<Map<String, Object>> reply(HttpStatus status, Object... kv) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return ResponseEntity.status(status).body(body);
    }
}
