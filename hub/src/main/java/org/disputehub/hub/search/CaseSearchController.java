package org.disputehub.hub.search;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases}: the case search (docs/interfaces/departments.md) — filters by origin system and id, status,
 * department, risk and the time received, newest first, a page at a time with the total; 400 naming every problem
 * of a malformed request.
 */
@RestController
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> search(
            @Parameter(description = "origin system", example = "HOTLINE12345") @RequestParam(required = false) String source,
            @Parameter(description = "the origin system's own id", example = "GD20261122000123")
            @RequestParam(required = false) String sourceId,
            @Parameter(description = "current status", example = "SIGNED") @RequestParam(required = false) String status,
            @Parameter(description = "assigned department", example = "330108-WY-001")
            @RequestParam(required = false) String deptCode,
            @Parameter(description = "risk colour: RED, YELLOW or GREEN", example = "RED")
            @RequestParam(required = false) String risk,
            @Parameter(description = "received at or after (ISO-8601 with offset)", example = "2026-11-22T00:00:00+08:00")
            @RequestParam(required = false) String from,
            @Parameter(description = "received before (ISO-8601 with offset)", example = "2026-11-23T00:00:00+08:00")
            @RequestParam(required = false) String to,
            @Parameter(description = "page number from 0", example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "page size, 1 to " + CaseCriteria.MAX_SIZE + " (default " + CaseCriteria.DEFAULT_SIZE + ")",
                    example = "20") @RequestParam(required = false) String size,
            HttpServletRequest request) {
        // the parameters above are declared for the API document; all of them are read (and unknown ones refused) here
        CaseCriteria criteria;
        try {
            criteria = CaseCriteria.parse(request.getParameterMap());
        } catch (CaseCriteria.InvalidCriteria e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid search: " + e.getMessage(),
                    "problems", e.problems()));
        }
        return ResponseEntity.ok(search.search(criteria));
    }
}
