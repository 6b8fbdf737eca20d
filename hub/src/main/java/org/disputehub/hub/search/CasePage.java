package org.disputehub.hub.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a case search, newest received first, with the number of cases matching in all. */
@Schema(name = "CasePage", description = "A page of the case search, newest received first")
public record CasePage(@Schema(description = "cases matching the filters in all", example = "1342") long total,
                       @Schema(description = "page number, from 0", example = "0") int page,
                       @Schema(description = "page size", example = "20") int size,
                       List<CaseSummary> items) {
}
