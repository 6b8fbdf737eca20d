package org.disputehub.hub.admin;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.disputehub.hub.ops.ConnectorPause;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pausing and resuming a connector (role ADMIN): {@code POST /api/v1/admin/connectors/{name}/pause} and
 * {@code …/resume}; {@code GET /api/v1/admin/connectors} lists each with its routes. The same operations are in JMX
 * ({@code org.disputehub:type=Connectors}) for Hawtio.
 */
@RestController
class ConnectorAdminController {

    private final ConnectorPause pause;

    ConnectorAdminController(ConnectorPause pause) {
        this.pause = pause;
    }

    @GetMapping("/api/v1/admin/connectors")
    List<ConnectorPause.State> list() {
        return pause.states();
    }

    @PostMapping("/api/v1/admin/connectors/{name}/pause")
    ResponseEntity<?> pause(@PathVariable String name, Principal who) {
        return answer(name, who, pause::pause);
    }

    @PostMapping("/api/v1/admin/connectors/{name}/resume")
    ResponseEntity<?> resume(@PathVariable String name, Principal who) {
        return answer(name, who, pause::resume);
    }

    private ResponseEntity<?> answer(String name, Principal who, BiFunction<String, String, Optional<ConnectorPause.State>> op) {
        return op.apply(name, who == null ? "unknown" : who.getName()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no enabled connector named " + name,
                        "connectors", pause.connectors())));
    }
}
