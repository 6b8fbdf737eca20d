package org.disputehub.canonical.model;

import java.util.List;

/** Cases about the same matter and how often it was reported. */
public record Related(List<String> caseIds, int repeatCount) {
}
