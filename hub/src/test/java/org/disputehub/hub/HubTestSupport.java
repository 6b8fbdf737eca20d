package org.disputehub.hub;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Shared WireMock servers for hub tests: the 12345 platform and the departments' case systems. */
public final class HubTestSupport {

    public static final List<String> DEPARTMENTS = List.of("zf001:330108-ZF-001", "wy001:330108-WY-001",
            "lb002:330108-LB-002", "tj003:330108-TJ-003", "zx000:330108-ZX-000");

    private HubTestSupport() {
    }

    public static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    /** Points the hub at the simulated 12345 platform and every department at the simulated case systems. */
    public static void register(DynamicPropertyRegistry registry, WireMockServer hotline, WireMockServer depts) {
        registry.add("hub.connectors.hotline12345.base-url", hotline::baseUrl);
        registerDepartments(registry, depts);
    }

    /** Points every department at the simulated case systems only (for tests of other origin systems). */
    public static void registerDepartments(DynamicPropertyRegistry registry, WireMockServer depts) {
        for (String d : DEPARTMENTS) {
            String[] keyCode = d.split(":");
            registry.add("hub.departments." + keyCode[0] + ".base-url", () -> depts.baseUrl() + "/depts/" + keyCode[1]);
        }
    }

    public static void acceptDispatches(WireMockServer depts) {
        depts.addStubMapping(StubMapping.buildFrom(fixture("departments/mappings/dispatch-accept.json")));
    }

    public static String fixture(String path) {
        try (InputStream in = HubTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
