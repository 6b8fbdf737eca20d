package org.disputehub.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.disputehub.fixtures.departments.DepartmentSimulator;
import org.disputehub.fixtures.departments.DepartmentWorkflow;

/**
 * The http-channel departments: the department simulator of test-fixtures on a port that stays the same when the
 * endpoint is taken away and brought back, each new order (by Idempotency-Key) reported SIGNED → ARRIVED → RESOLVED →
 * CLOSED through the hub's API with the department's key, a report the hub did not answer sent again with the same
 * eventId until it is answered — and the books of what the departments received and reported, for the reconciliation.
 */
final class Departments implements AutoCloseable {

    private final DepartmentSimulator simulator;
    private final List<DepartmentSimulator.Dispatch> received = new CopyOnWriteArrayList<>();
    /** eventId → "caseId status" of every report the hub answered 202. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** caseId → last status the hub accepted from the department. */
    private final Map<String, String> lastAccepted = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    /** Opens the endpoint on a free port; the departments report to the hub at {@code hubUrl}. */
    Departments(String hubUrl) throws IOException {
        DepartmentWorkflow workflow = DepartmentWorkflow.reportingTo(hubUrl, Departments::apiKey)
                .stepsAfter(Duration.ofMillis(150), Duration.ofMillis(600))
                .onReport(this::answered);
        simulator = DepartmentSimulator.on(Jvm.freePort()).reporting(workflow)
                .onDispatch(received::add).start();
    }

    private void answered(DepartmentWorkflow.Report r) {
        if (r.accepted()) {
            accepted.put(r.eventId(), r.caseId() + " " + r.status());
            lastAccepted.put(r.caseId(), r.status());
        } else if (r.code() != -1 && r.code() < 500) {
            refused.put(r.eventId(), r.caseId() + " " + r.status() + " → " + r.code() + " " + r.answer());
        }
    }

    String baseUrl(String deptCode) {
        return simulator.baseUrl(deptCode);
    }

    void endpointUp() throws IOException {
        simulator.endpointUp();
    }

    /** The endpoint goes away: connections are refused until {@link #endpointUp()}. */
    void endpointDown() {
        simulator.endpointDown();
    }

    List<DepartmentSimulator.Dispatch> received() {
        return List.copyOf(received);
    }

    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    String lastAccepted(String caseId) {
        return lastAccepted.get(caseId);
    }

    /** The API key of a department as routes/departments-http.yaml defaults it: 330108-ZF-001 → demo-key-zf001. */
    static String apiKey(String dept) {
        String[] parts = dept.split("-");
        return "demo-key-" + parts[1].toLowerCase() + parts[2];
    }

    @Override
    public void close() {
        simulator.close();
    }
}
