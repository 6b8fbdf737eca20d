package org.disputehub.hub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code hub.*}: where the hub keeps its data and tables, and how its stages are sized. Validated at start-up. */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotBlank String dataDir,
        @NotBlank String mappingsDir,
        @NotBlank String publicUrl,
        @Valid @NotNull Broker broker,
        @Valid @NotNull Stage intake,
        @Valid @NotNull Stage status,
        @Valid @NotNull Stage audit,
        @Valid Security security) {

    /** The mapping tables' folder (a String property: Spring's Path conversion refuses relative parents). */
    public Path mappingsPath() {
        return Path.of(mappingsDir);
    }

    public record Broker(@Min(0) @Max(65535) int tcpPort, @Min(1000) long journalBufferTimeoutNs) {
    }

    public record Stage(@Min(1) @Max(64) int consumers) {
    }

    public record Security(@Valid List<User> users) {
        public Security {
            users = users == null ? new ArrayList<>() : users;
        }
    }

    public record User(@NotBlank String name, @NotBlank String password, List<String> roles) {
    }
}
