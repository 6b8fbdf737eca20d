package org.disputehub.hub.store;

import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;

/**
 * A case row: the indexed columns plus the canonical case as stored. The columns answer what a stage needs on every
 * event (status, the origin system and its id, the department); {@link #canonical()} parses the stored JSON, for
 * the rarer steps that need the whole case (re-routing, notices, the case API). {@code hasReports}: reports may be
 * linked to the case (V12).
 */
public record StoredCase(String caseId, String system, String sourceId, CaseStatus status, boolean escalated,
                         String deptCode, int dispatchNo, String data, boolean hasReports) {

    public CanonicalCase canonical() {
        return Json.read(data, CanonicalCase.class);
    }
}
