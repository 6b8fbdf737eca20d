package org.disputehub.hub.messages;

import java.util.Map;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a raw message came in or went out, as the interfaces name it (docs/interfaces/*.md): the audit log keeps the system
 * and the direction, and each system has one endpoint or queue per direction; a department's is its channel's.
 */
@Component
class MessageEndpoints {

    private static final Map<String, String> IN = Map.of(
            "HOTLINE12345", "GET {hotline12345}/api/v2/workorders (poll)",
            "PETITION", "POST /api/inbound/petition",
            "ODR", "POST /api/inbound/odr",
            "ZHENGDING", "POST /api/inbound/zhengding/callback");
    private static final Map<String, String> OUT = Map.of(
            "HOTLINE12345", "POST {hotline12345}/api/v2/workorders/{orderNo}/feedback",
            "ALARM110", "POST {alarm110}/jcj/api/v1/ldjq/feedback",
            "PETITION", "POST {petition}/xf/api/v1/blzt",
            "ODR", "PUT {odr}/api/v1/disputes/{disputeId}/status",
            "LABOR", "POST {labor}/ldjc/api/v1/complaints/{complaintNo}/progress",
            "ZHENGDING", "POST {zhengding}/topapi/message/corpconversation/asyncsend_v2 (work notification)");
    private static final String DEPT = "DEPT:";

    private final DepartmentRegistry departments;
    private final Environment env;

    MessageEndpoints(DepartmentRegistry departments, Environment env) {
        this.departments = departments;
        this.env = env;
    }

    String of(String system, String direction) {
        boolean in = "IN".equals(direction);
        if (system.startsWith(DEPT)) {
            return in ? "POST /api/v1/cases/{caseId}/events" : department(system.substring(DEPT.length()));
        }
        if (in && "ALARM110".equals(system)) {
            return "JMS queue " + env.getProperty("hub.connectors.alarm110.queue", "JCJ.LDJQ.OUT");
        }
        if (in && "LABOR".equals(system)) {
            return "batch file in " + env.getProperty("hub.connectors.labor.inbox", "the labor inbox");
        }
        String endpoint = (in ? IN : OUT).get(system);
        if (endpoint == null) {
            return system;
        }
        String key = system.toLowerCase(java.util.Locale.ROOT);
        return endpoint.replace("{" + key + "}", env.getProperty("hub.connectors." + key + ".base-url", "{base}"));
    }

    private String department(String code) {
        if (!departments.codes().contains(code)) {
            return "department " + code;
        }
        Department d = departments.get(code);
        return switch (d.channel()) {
            case "http" -> "POST " + d.baseUrl() + "/dispatch";
            case "jms" -> "JMS queue " + d.params().getOrDefault("queue", "DEPT." + code + ".DISPATCH");
            case "zhengding" -> "Zhengding work notification to the duty staff of " + code;
            case "odr" -> "POST {odr}/api/v1/mediations".replace("{odr}",
                    env.getProperty("hub.connectors.odr.base-url", "{base}"));
            default -> d.channel() + " channel of " + code;
        };
    }
}
