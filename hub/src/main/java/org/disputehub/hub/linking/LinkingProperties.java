package org.disputehub.hub.linking;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How reports about the same matter are found ({@code hub.linking.*}, see the README). A candidate's score is the
 * weighted sum of its signals — same phone or ID number, address similarity, same category (half for the same
 * major class), same region — and it is linked when the score reaches {@code min-score}.
 */
@Validated
@ConfigurationProperties("hub.linking")
public record LinkingProperties(
        boolean enabled,
        @NotNull Duration window,
        @DecimalMin("0.0") @DecimalMax("1.0") double minScore,
        @DecimalMin("0.0") double phoneWeight,
        @DecimalMin("0.0") double addressWeight,
        @DecimalMin("0.0") double categoryWeight,
        @DecimalMin("0.0") double regionWeight,
        @DecimalMin("0.0") @DecimalMax("1.0") double addressMinSimilarity,
        @Min(1) int maxCandidates,
        @NotNull Duration repeatWindow,
        @Min(2) int repeatReporterCases,
        @NotBlank String keySecret) {
}
