package org.disputehub.hub.cockpit;

import org.disputehub.hub.department.DepartmentRegistry;
import org.springframework.stereotype.Component;

/** A department's name as declared in routes/, or its code when it is not declared (any more). */
@Component
class DepartmentNames {

    private final DepartmentRegistry registry;

    DepartmentNames(DepartmentRegistry registry) {
        this.registry = registry;
    }

    String name(String code) {
        return code != null && registry.codes().contains(code) ? registry.get(code).name() : code;
    }
}
