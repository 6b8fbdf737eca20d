package org.disputehub.hub.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Runs when the environment is complete (profiles, secrets file, config tree) and before any bean exists — so
 * before Flyway, the broker connection and any route: the route and mapping folders must exist, and in the
 * {@code prod} profile every required setting must have a proper value ({@link ProductionSettings}). All problems
 * are reported together in one {@link StartupCheckException}; the hub exits without having touched anything.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EarlyStartupCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        RouteFiles routes = RouteFiles.read(env);
        List<String> problems = new ArrayList<>(routes.missingFolders());
        String mappings = env.getProperty("hub.mappings-dir");
        if (mappings != null && !mappings.isBlank() && !Files.isDirectory(Path.of(mappings))) {
            problems.add("folder " + Path.of(mappings).toAbsolutePath().normalize() + " does not exist (hub.mappings-dir"
                    + " = " + mappings + "): start the hub in its home folder or set hub.home (HUB_HOME) to the"
                    + " folder holding routes/ and mappings/");
        }
        boolean prod = env.acceptsProfiles(Profiles.of("prod"));
        if (prod) {
            problems.addAll(ProductionSettings.problems(new Settings(env), routes));
        }
        if (!problems.isEmpty()) {
            throw new StartupCheckException((prod ? "The prod profile" : "The hub") + " cannot start: "
                    + problems.size() + (problems.size() == 1 ? " setting is" : " settings are")
                    + " missing or refused (nothing has been started):", problems,
                    "Set each variable named above in the environment, in the secrets file (HUB_SECRETS_FILE, default"
                            + " /etc/dispute-hub/secrets.yml) or as a file in the config tree (HUB_SECRETS_DIR, default"
                            + " /run/secrets/dispute-hub/); secrets need at least " + ProductionSettings.MIN_SECRET_LENGTH
                            + " characters. See the README, Configuration.");
        }
    }

    /** After every other initializer, so the environment is as complete as it will be. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
