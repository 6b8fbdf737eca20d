package org.disputehub.connector.labor;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.disputehub.canonical.connector.OriginConnectorProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.connectors.labor.*}. The bean exists only when the connector is enabled, so every constraint here
 * is checked exactly then, and start-up fails with the offending key named. {@code done-dir} and
 * {@code error-dir} default to {@code done} and {@code error} beside the inbox.
 */
@Validated
@ConfigurationProperties(LaborProperties.PREFIX)
public class LaborProperties extends OriginConnectorProperties {

    public static final String PREFIX = "hub.connectors.labor";

    /** The directory the labor system drops its batches into (in production an SFTP mount). */
    @NotNull
    private Path inbox;
    /** Where a processed batch and its marker go (default: {@code done} beside the inbox). */
    private Path doneDir;
    /** Where an unreadable batch, its reason and every batch's rejected rows go (default: {@code error} beside the inbox). */
    private Path errorDir;
    /** Time between the end of one inbox scan and the start of the next. */
    @NotNull
    @DurationMin(millis = 100)
    private Duration pollInterval = Duration.ofSeconds(5);
    /** {@code X-Api-Key} issued by the labor system; from the environment or an external file, never committed. */
    @NotBlank
    private String apiKey;

    /** The three directories must differ: a batch moved to done/ or error/ must leave the inbox. */
    @AssertTrue(message = "inbox, done-dir and error-dir must be three different directories")
    public boolean isDirectoriesDistinct() {
        if (inbox == null) {
            return true;
        }
        return new HashSet<>(List.of(normal(inbox), normal(getDoneDir()), normal(getErrorDir()))).size() == 3;
    }

    public Path getInbox() {
        return inbox;
    }

    public void setInbox(Path inbox) {
        this.inbox = inbox;
    }

    public Path getDoneDir() {
        return doneDir != null || inbox == null ? doneDir : normal(inbox).resolveSibling("done");
    }

    public void setDoneDir(Path doneDir) {
        this.doneDir = doneDir;
    }

    public Path getErrorDir() {
        return errorDir != null || inbox == null ? errorDir : normal(inbox).resolveSibling("error");
    }

    public void setErrorDir(Path errorDir) {
        this.errorDir = errorDir;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "LaborProperties[inbox=" + inbox + ", doneDir=" + getDoneDir() + ", errorDir=" + getErrorDir()
                + ", pollInterval=" + pollInterval + ", baseUrl=" + getBaseUrl() + ", apiKey=****]";
    }
}
