package org.disputehub.canonical.model;

import java.util.List;

/** Three-colour risk with the reasons that explain it. */
public record Risk(Parts.RiskLevel level, List<String> reasons) {
}
