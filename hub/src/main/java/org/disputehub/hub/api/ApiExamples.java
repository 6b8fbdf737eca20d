package org.disputehub.hub.api;

/** Example bodies for the OpenAPI document, as the hub answers them. */
final class ApiExamples {

    static final String SUMMARY = """
            {"caseId":"HUB-20261122-000017","source":{"system":"HOTLINE12345","sourceId":"GD20261122000123"},\
            "title":"小区物业乱收停车费","category":{"major":"求助纠纷类","code":"B03","name":"物业纠纷"},"risk":"YELLOW",\
            "deptCode":"330108-WY-001","status":"SIGNED","escalated":false,"receivedAt":"2026-11-22T09:30:16+08:00",\
            "updatedAt":"2026-11-22T09:40:10+08:00","href":"/api/v1/cases/HUB-20261122-000017"}""";

    static final String CASE_PAGE = "{\"total\":1342,\"page\":0,\"size\":20,\"items\":[" + SUMMARY + "]}";

    static final String SEARCH_REFUSED = """
            {"error":"invalid search: 'size' must be a whole number from 1 to 200 (was '500'); 'status' must be one of \
            [RECEIVED, DISPATCHED, SIGNED, ARRIVED, HANDLING, RESOLVED, UNRESOLVED, CLOSED, REVISITED, RETURNED, WITHDRAWN, \
            ESCALATED] (was 'DONE')","problems":["'status' must be one of [RECEIVED, DISPATCHED, SIGNED, ARRIVED, HANDLING, \
            RESOLVED, UNRESOLVED, CLOSED, REVISITED, RETURNED, WITHDRAWN, ESCALATED] (was 'DONE')",\
            "'size' must be a whole number from 1 to 200 (was '500')"]}""";

    static final String CASE_VIEW = """
            {"case":{"caseId":"HUB-20261122-000017","schemaVersion":"1.0","source":{"system":"HOTLINE12345",\
            "sourceId":"GD20261122000123","channel":"POLL","receivedAt":"2026-11-22T09:30:16+08:00","rawMessageId":4711},\
            "reportedAt":"2026-11-22T09:30:15+08:00","title":"小区物业乱收停车费","description":"小区物业超时1分钟按1小时收费",\
            "category":{"major":"求助纠纷类","code":"B03","name":"物业纠纷","sourceCode":"C0203","sourceName":"物业管理"},\
            "risk":{"level":"YELLOW","reasons":["R06 repeat reporter"]},"assignment":{"deptCode":"330108-WY-001",\
            "dispatchNo":1},"status":"SIGNED","escalated":false},"links":{"reporterCount":1,"locationCount":0,\
            "repeat":true,"linkedReports":[],"messages":"/api/v1/cases/HUB-20261122-000017/messages"},\
            "dispatches":[{"dispatchNo":1,"deptCode":"330108-WY-001","channel":"http","state":"SENT",\
            "createdAt":"2026-11-22T09:30:16+08:00","sentAt":"2026-11-22T09:30:17+08:00"}],\
            "statusHistory":[{"eventId":"d7c1","status":"SIGNED","fromStatus":"DISPATCHED","outcome":"ALLOWED",\
            "occurredAt":"2026-11-22T09:40:10+08:00","recordedAt":"2026-11-22T09:40:10+08:00","actorDept":"330108-WY-001",\
            "actorName":"王经理","note":"已签收","origin":"DEPT"}]}""";

    static final String MESSAGES = """
            {"caseId":"HUB-20261122-000017","caseIds":["HUB-20261122-000017"],"bodies":false,"messages":[\
            {"id":4711,"caseId":"HUB-20261122-000017","direction":"IN","system":"HOTLINE12345",\
            "endpoint":"GET https://12345.example/api/v2/workorders (poll)","ref":"GD20261122000123",\
            "at":"2026-11-22T09:30:16+08:00","contentType":"application/json","size":1834,\
            "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","outcome":"accepted"},\
            {"id":4712,"caseId":"HUB-20261122-000017","direction":"OUT","system":"DEPT:330108-WY-001",\
            "endpoint":"POST https://wy.example/dispatch","ref":"HUB-20261122-000017:1","at":"2026-11-22T09:30:17+08:00",\
            "contentType":"application/json","size":2210,"sha256":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",\
            "outcome":"sent"}],"parked":[{"queue":"DLQ.HUB.RELAY.HOTLINE12345","from":"HUB.RELAY.HOTLINE12345",\
            "messageId":"ID:6b1c5e7a","parkedAt":"2026-11-22T09:41:02+08:00","reason":"HTTP 500 from 12345","size":412,\
            "outcome":"parked","replay":{"method":"POST",\
            "href":"/api/v1/admin/dlq/HUB.RELAY.HOTLINE12345/replay?messageId=ID:6b1c5e7a",\
            "jmx":"org.disputehub:type=HubAdmin replayParked(HUB.RELAY.HOTLINE12345, ID:6b1c5e7a)"}}]}""";

    static final String KPIS = """
            {"from":"2026-11-21T10:00:00+08:00","to":"2026-11-22T10:00:00+08:00","deptCode":null,\
            "signOff":{"name":"签收率","numerator":96,"denominator":100,"rate":0.96},\
            "onTimeArrival":{"name":"按时到点率","numerator":80,"denominator":90,"rate":0.8889},\
            "closureFeedback":{"name":"办结反馈率","numerator":70,"denominator":100,"rate":0.7},\
            "resolution":{"name":"事项化解率","numerator":60,"denominator":70,"rate":0.8571},\
            "repeatReports":{"name":"重复报警率","numerator":5,"denominator":120,"rate":0.0417},"byDepartment":[]}""";

    static final String PARKED = """
            {"queue":"HUB.DISPATCH.330108-WY-001","dlq":"DLQ.HUB.DISPATCH.330108-WY-001","messages":[\
            {"messageId":"ID:6b1c5e7a","reason":"HTTP 422 from the department","parkedAt":"2026-11-22T09:31:02+08:00",\
            "from":"HUB.DISPATCH.330108-WY-001","caseId":"HUB-20261122-000017","size":2210}]}""";

    static final String REPLAYED = """
            {"queue":"HUB.DISPATCH.330108-WY-001","replayed":1,"messages":["ID:6b1c5e7a"],"skipped":{}}""";

    static final String CONNECTOR_PAUSED = """
            {"connector":"petition","paused":true,"routes":{"petition-inbound":"Suspended","petition-relay":"Suspended"}}""";

    static final String CONNECTOR_RESUMED = """
            {"connector":"petition","paused":false,"routes":{"petition-inbound":"Started","petition-relay":"Started"}}""";

    static final String STATUS_EVENT = """
            {"eventId":"d7c1","caseId":"HUB-20261122-000017","status":"SIGNED","occurredAt":"2026-11-22T09:40:10+08:00",\
            "actor":{"deptCode":"330108-ZF-001","name":"王警官"},"note":"已签收"}""";

    static final String PAUSED = """
            {"error":"paused","connector":"petition","message":"the connector is paused by an operator; retry later"}""";

    private ApiExamples() {
    }
}
