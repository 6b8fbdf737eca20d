package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.List;
import javax.management.ObjectName;
import org.disputehub.canonical.codec.Json;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a VIEWER sees through Jolokia, as Hawtio asks for it: route source, diagram and statistics come back with
 * a value; Hawtio's {@code canInvoke} answers false for the write operations and true for the read-only ones; what
 * writes or shows message bodies or resolved secrets is refused, and a repeated refusal is logged once.
 */
class ViewerJolokiaTest extends ConsoleTestBase {

    static final String INTAKE = ROUTES + "\"hub-intake\"";

    @Test
    void aViewerGetsTheRouteSourceDiagramAndStatisticsHawtioAsksFor() throws Exception {
        JsonNode replies = bulk("viewer", """
                [{"type":"exec","mbean":"%1$s","operation":"dumpRoutesAsXml()"},
                 {"type":"exec","mbean":"%2$s","operation":"dumpRouteAsXml()"},
                 {"type":"exec","mbean":"%1$s","operation":"dumpRoutesStatsAsXml(boolean,boolean)","arguments":[true,true]},
                 {"type":"exec","mbean":"%2$s","operation":"dumpRouteStatsAsXml(boolean,boolean)","arguments":[false,true]},
                 {"type":"exec","mbean":"%2$s","operation":"dumpStepStatsAsXml(boolean)","arguments":[true]},
                 {"type":"exec","mbean":"hawtio:type=security,name=RBACRegistry","operation":"list()"}]"""
                .formatted(q(CONTEXT), q(INTAKE)));
        assertThat(replies).hasSize(6);
        replies.forEach(r -> assertThat(r.path("status").asInt()).as(r.toString()).isEqualTo(200));
        assertThat(replies.get(0).path("value").asText()).contains("<route", "id=\"hub-intake\"", "id=\"hub-status\"");
        assertThat(replies.get(1).path("value").asText()).contains("id=\"hub-intake\"").doesNotContain("hub-status");
        assertThat(replies.get(2).path("value").asText()).contains("<routeStat", "hub-intake");
        assertThat(replies.get(3).path("value").asText()).contains("<routeStat", "hub-intake");
        assertThat(replies.get(4).path("value").asText()).contains("hub-intake");
        assertThat(replies.get(5).path("value").path("domains").has("org.apache.camel")).isTrue();
    }

    @Test
    void canInvokeDisablesTheWriteOperationsForAViewerOnly() throws Exception {
        String question = """
                {"type":"exec","mbean":"%s","operation":"canInvoke(java.util.Map)",
                 "arguments":[{"%s":["stop()","start()","remove()","dumpRouteAsXml()","dumpRouteStatsAsXml(boolean,boolean)"],
                               "%s":["dumpRoutesAsXml()","dumpRoutesAsXml(boolean)","sendBody(java.lang.String,java.lang.Object)"],
                               "org.disputehub:type=HubAdmin":["reloadMappings()","deadLetterQueues()"]}]}"""
                .formatted(ACCESS_CONTROL, q(INTAKE), q(CONTEXT));
        JsonNode viewer = value(jolokia("viewer", question));
        JsonNode route = viewer.path(INTAKE);
        assertThat(can(route, "stop()")).isFalse();
        assertThat(can(route, "start()")).isFalse();
        assertThat(can(route, "remove()")).isFalse();
        assertThat(can(route, "dumpRouteAsXml()")).isTrue();
        assertThat(can(route, "dumpRouteStatsAsXml(boolean,boolean)")).isTrue();
        JsonNode context = viewer.path(CONTEXT);
        assertThat(can(context, "dumpRoutesAsXml()")).isTrue();
        assertThat(can(context, "dumpRoutesAsXml(boolean)")).as("source with resolved placeholders").isFalse();
        assertThat(can(context, "sendBody(java.lang.String,java.lang.Object)")).isFalse();
        assertThat(can(viewer.path("org.disputehub:type=HubAdmin"), "reloadMappings()")).isFalse();
        assertThat(can(viewer.path("org.disputehub:type=HubAdmin"), "deadLetterQueues()")).isFalse();

        JsonNode admin = value(jolokia("admin", question));
        assertThat(can(admin.path(INTAKE), "stop()")).isTrue();
        assertThat(can(admin.path("org.disputehub:type=HubAdmin"), "reloadMappings()")).isTrue();

        JsonNode single = bulk("viewer", """
                [{"type":"exec","mbean":"%1$s","operation":"canInvoke(java.lang.String)","arguments":["%2$s"]},
                 {"type":"exec","mbean":"%1$s","operation":"canInvoke(java.lang.String)","arguments":["org.disputehub:type=HubAdmin"]},
                 {"type":"exec","mbean":"%1$s","operation":"canInvoke(java.lang.String,java.lang.String,[Ljava.lang.String;)",
                  "arguments":["%2$s","setTracing",["java.lang.Boolean"]]}]""".formatted(ACCESS_CONTROL, q(INTAKE)));
        assertThat(single.get(0).path("value").asBoolean()).as(single.toString()).isTrue();
        assertThat(single.get(1).path("value").asBoolean()).as(single.toString()).isFalse();
        assertThat(single.get(2).path("value").asBoolean()).as("an attribute write").isFalse();
    }

    @Test
    void whatWritesOrShowsBodiesOrSecretsStaysAdmins() throws Exception {
        JsonNode replies = bulk("viewer", """
                [{"type":"exec","mbean":"%1$s","operation":"dumpRoutesAsXml(boolean)","arguments":[true]},
                 {"type":"exec","mbean":"%1$s","operation":"sendBody(java.lang.String,java.lang.Object)","arguments":["seda:x","y"]},
                 {"type":"exec","mbean":"%1$s","operation":"suspend()"},
                 {"type":"exec","mbean":"%2$s","operation":"stop()"},
                 {"type":"exec","mbean":"%2$s","operation":"updateRouteFromXml","arguments":["<routes/>"]},
                 {"type":"exec","mbean":"org.apache.camel:context=dispute-hub,type=tracer,name=BacklogTracer","operation":"dumpAllTracedMessagesAsXml()"},
                 {"type":"exec","mbean":"org.disputehub:type=HubAdmin","operation":"reloadMappings()"},
                 {"type":"exec","mbean":"org.disputehub:type=HubAdmin","operation":"listParked","arguments":["HUB.INTAKE"]},
                 {"type":"exec","mbean":"org.springframework.boot:type=Endpoint,name=Loggers","operation":"configureLogLevel","arguments":["ROOT","DEBUG"]},
                 {"type":"write","mbean":"%2$s","attribute":"Tracing","value":true}]"""
                .formatted(q(CONTEXT), q(INTAKE)));
        assertThat(replies).hasSize(10);
        replies.forEach(r -> {
            assertThat(r.path("status").asInt()).as(r.toString()).isEqualTo(403);
            assertThat(r.has("value")).as(r.toString()).isFalse();
        });
        assertThat(routeState("hub-intake")).isEqualTo("Started");
        assertThat(camel.getRoute("hub-intake").isTracing()).isFalse();
        assertThat(camel.isSuspended()).isFalse();
    }

    @Test
    void aRepeatedRefusalIsLoggedOnceWithinTheWindow() throws Exception {
        Logger security = (Logger) LoggerFactory.getLogger("hub.security");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        security.addAppender(lines);
        try {
            String restart = """
                    {"type":"exec","mbean":"%s","operation":"restart()"}""".formatted(q(ROUTES + "\"hub-status\""));
            for (int i = 0; i < 5; i++) {
                assertThat(value403(jolokia("viewer", restart))).isTrue();
            }
            assertThat(value403(jolokia("viewer", "[" + restart + "," + restart + "," + restart + "]"))).isTrue();
            for (int i = 0; i < 3; i++) {
                jolokia("viewer", """
                        {"type":"exec","mbean":"%s","operation":"canInvoke(java.util.Map)","arguments":[{"%s":["stop()"]}]}"""
                        .formatted(ACCESS_CONTROL, q(INTAKE)));
            }
        } finally {
            security.detachAppender(lines);
        }
        List<String> warnings = lines.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings.stream().filter(w -> w.contains("restart()"))).singleElement().satisfies(w ->
                assertThat(w).contains("viewer", "hub-status", "restart()"));
        assertThat(warnings).as("asking canInvoke is never a refusal").noneMatch(w -> w.contains("canInvoke"));
    }

    @Test
    void hubAdminIsRegisteredOnceInJmx() throws Exception {
        var names = ManagementFactory.getPlatformMBeanServer().queryNames(null, null).stream()
                .filter(n -> "HubAdmin".equals(n.getKeyProperty("type")) || "hubAdmin".equals(n.getKeyProperty("name")))
                .toList();
        assertThat(names).containsExactly(new ObjectName("org.disputehub:type=HubAdmin"));
        HttpResponse<String> search = jolokia("viewer", """
                {"type":"search","mbean":"*:type=HubAdmin,*"}""");
        assertThat(value(search)).hasSize(1);
    }

    private JsonNode bulk(String user, String json) throws Exception {
        HttpResponse<String> response = jolokia(user, json);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.read(response.body(), JsonNode.class);
    }

    private static JsonNode value(HttpResponse<String> response) {
        JsonNode reply = Json.read(response.body(), JsonNode.class);
        assertThat(reply.path("status").asInt()).as(response.body()).isEqualTo(200);
        return reply.path("value");
    }

    private static boolean value403(HttpResponse<String> response) {
        JsonNode reply = Json.read(response.body(), JsonNode.class);
        return reply.isArray() ? java.util.stream.StreamSupport.stream(reply.spliterator(), false)
                .allMatch(r -> r.path("status").asInt() == 403) : reply.path("status").asInt() == 403;
    }

    private static boolean can(JsonNode mbean, String operation) {
        JsonNode row = mbean.path(operation);
        assertThat(row.isMissingNode()).as("no answer for " + operation + " in " + mbean).isFalse();
        return row.path("CanInvoke").asBoolean();
    }

    /** An MBean name inside a JSON string. */
    private static String q(String mbean) {
        return mbean.replace("\"", "\\\"");
    }
}
