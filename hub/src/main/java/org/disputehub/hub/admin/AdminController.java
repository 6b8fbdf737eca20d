package org.disputehub.hub.admin;

import java.util.Map;
import org.disputehub.hub.mapping.MappingException;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.mapping.MappingTables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin operations (role ADMIN): reload the mapping tables; the same operation is in JMX for Hawtio. */
@RestController
class AdminController {

    private final MappingService mappings;

    AdminController(MappingService mappings) {
        this.mappings = mappings;
    }

    @PostMapping("/api/v1/admin/mappings/reload")
    ResponseEntity<Map<String, Object>> reloadMappings() {
        try {
            MappingTables t = mappings.reload();
            return ResponseEntity.ok(Map.of("reloaded", true, "taxonomyCodes", t.taxonomySize()));
        } catch (MappingException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("reloaded", false, "error", e.getMessage(),
                    "kept", "the previous tables stay in force"));
        }
    }
}
