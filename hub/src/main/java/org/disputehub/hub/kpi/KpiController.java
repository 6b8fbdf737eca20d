package org.disputehub.hub.kpi;

import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/kpis?from=&to=&deptCode=}: the five indicators, with numerators and denominators. */
@RestController
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @GetMapping(path = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    Kpis get(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
             @RequestParam(required = false) String deptCode) {
        OffsetDateTime end = to != null ? to : OffsetDateTime.now().plusSeconds(1);
        OffsetDateTime start = from != null ? from : end.minusDays(1);
        return kpis.compute(start, end, deptCode);
    }
}
