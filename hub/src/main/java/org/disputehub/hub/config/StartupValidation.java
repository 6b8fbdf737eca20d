package org.disputehub.hub.config;

import org.disputehub.hub.dispatch.DepartmentRegistry;
import org.disputehub.hub.mapping.MappingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Once Camel has loaded the routes (and so the departments of routes/*.yaml), validates the departments and
 * the mapping tables: a broken declaration or table stops the start-up with the file, line and problem.
 */
@Component
class StartupValidation implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupValidation.class);

    private final DepartmentRegistry departments;
    private final MappingService mappings;

    StartupValidation(DepartmentRegistry departments, MappingService mappings) {
        this.departments = departments;
        this.mappings = mappings;
    }

    @Override
    public void run(ApplicationArguments args) {
        departments.reload();
        LOG.info("{} departments declared in routes/: {}", departments.codes().size(), departments.codes());
        mappings.reload();
    }
}
