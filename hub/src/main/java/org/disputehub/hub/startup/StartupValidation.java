package org.disputehub.hub.startup;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.mapping.MappingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once Camel has loaded the route files and before it starts any route (so before any consumer, poller or the SLA
 * check), validates what the hub reads from disk: every placeholder of {@code routes/*.yaml} has a value, the
 * departments are well declared, the mapping tables and status vocabularies are valid and route only to declared
 * departments. A problem stops the start-up with the file, the line and — for an unset placeholder — the variable.
 */
@Component
class StartupValidation implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StartupValidation.class);
    private static final String ACTION = "Correct the file or set the variable named above, then start the hub again;"
            + " nothing has been consumed.";

    private final DepartmentRegistry departments;
    private final MappingService mappings;
    private final Environment env;

    StartupValidation(DepartmentRegistry departments, MappingService mappings, Environment env) {
        this.departments = departments;
        this.mappings = mappings;
        this.env = env;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        List<String> problems = unsetPlaceholders();
        if (!problems.isEmpty()) {
            throw new StartupCheckException("The hub cannot start: " + problems.size() + " placeholder"
                    + (problems.size() == 1 ? " of the route files has" : "s of the route files have")
                    + " no value (no route has started):", problems, ACTION);
        }
        try {
            departments.reload();
            LOG.info("{} departments declared in routes/: {}", departments.codes().size(), departments.codes());
            mappings.reload();
        } catch (RuntimeException e) {
            throw new StartupCheckException("The hub cannot start: the route files or the mapping tables are invalid"
                    + " (no route has started):", List.of(e.getMessage()), ACTION);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // everything is checked before the start
    }

    private List<String> unsetPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (RouteFiles.Placeholder p : RouteFiles.read(env).placeholders()) {
            if (p.defaultValue() != null) {
                continue;
            }
            String value;
            try {
                value = env.getProperty(p.key());
            } catch (IllegalArgumentException e) {
                value = null;
            }
            if (value == null || value.isBlank() || Settings.unresolved(value)) {
                problems.add(p.where() + ": {{" + p.key() + "}} has no value: set the environment variable "
                        + p.variable() + " (property " + p.key() + ")");
            }
        }
        return problems;
    }
}
