package org.disputehub.hub.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The console ({@code hub.console.*}): a refused console operation is logged once per user, MBean and operation
 * within {@code refusal-log-window}; repeats inside the window are counted in the next line, not logged.
 */
@Validated
@ConfigurationProperties("hub.console")
public record ConsoleProperties(@NotNull @DefaultValue("10m") Duration refusalLogWindow) {
}
