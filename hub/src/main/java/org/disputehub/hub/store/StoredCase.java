package org.disputehub.hub.store;

import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;

/** A case row: the indexed columns plus the canonical case as stored. */
public record StoredCase(String caseId, String system, String sourceId, CaseStatus status, boolean escalated,
                         String deptCode, int dispatchNo, String data) {

    public CanonicalCase canonical() {
        return Json.read(data, CanonicalCase.class);
    }
}
