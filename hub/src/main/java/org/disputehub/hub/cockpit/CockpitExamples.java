package org.disputehub.hub.cockpit;

/** Example answers of the cockpit's JSON API, for the OpenAPI document. */
final class CockpitExamples {

    static final String INTAKE = """
            {"day":"2026-12-02","from":"2026-12-02T00:00:00+08:00","at":"2026-12-02T10:15:00+08:00","total":12,
             "bySource":[{"key":"HOTLINE12345","count":7},{"key":"ALARM110","count":5}],
             "byStatus":[{"key":"SIGNED","count":8},{"key":"DISPATCHED","count":4}],
             "flows":[{"source":"HOTLINE12345","status":"SIGNED","count":5},{"source":"HOTLINE12345","status":"DISPATCHED","count":2},
                      {"source":"ALARM110","status":"SIGNED","count":3},{"source":"ALARM110","status":"DISPATCHED","count":2}]}""";

    static final String WAITING = """
            {"at":"2026-12-02T10:15:00+08:00","total":2,"signOff":1,"arrival":1,"overdue":1,
             "cases":[{"caseId":"HUB-20261202-000017","title":"小区物业乱收停车费","source":"HOTLINE12345",
                       "deptCode":"330108-WY-001","deptName":"物业管理办公室","waitingFor":"SIGN","status":"DISPATCHED",
                       "dueAt":"2026-12-02T10:14:25+08:00","secondsLeft":-35,"risk":"GREEN"},
                      {"caseId":"HUB-20261202-000018","title":"邻里噪音纠纷","source":"ALARM110",
                       "deptCode":"330108-TJ-003","deptName":"西兴街道人民调解委员会","waitingFor":"ARRIVE","status":"SIGNED",
                       "dueAt":"2026-12-02T10:22:00+08:00","secondsLeft":420,"risk":"YELLOW"}]}""";

    static final String RED = """
            {"open":1,"today":1,
             "cases":[{"caseId":"HUB-20261202-000031","title":"多人聚集讨薪","source":"ALARM110","status":"SIGNED",
                       "deptCode":"330108-RS-001","deptName":"人力社保局劳动保障监察大队",
                       "receivedAt":"2026-12-02T09:40:00+08:00","reasons":["R01 群体性：人数≥10"]}]}""";

    static final String HOTSPOTS = """
            {"days":30,"since":"2026-11-02T10:15:00+08:00",
             "addresses":[{"kind":"ADDR","label":"至善路**号*幢","reports":4,"lastReportAt":"2026-12-02T09:12:00+08:00",
                           "lastCaseId":"HUB-20261202-000040"}],
             "callers":[{"kind":"PHONE","label":"李* 139****9000","reports":6,"lastReportAt":"2026-12-02T08:50:00+08:00",
                         "lastCaseId":"HUB-20261202-000038"}]}""";

    static final String QUEUES = """
            {"depth":3,"parked":1,"stages":[{"stage":"dispatch","depth":3,"parked":1}],
             "queues":[{"queue":"HUB.DISPATCH.330108-WY-001","stage":"dispatch","depth":3,"parked":1}]}""";

    static final String KPI_WEEK = "{\"days\":[\"2026-11-22\"],\"overall\":{\"deptCode\":null,\"deptName\":null,\"week\":{\"signOff\":{\"name\":\"签收率\",\"numerator\":9,\"denominator\":10,\"rate\":0.9},\"onTimeArrival\":{\"name\":\"按时到点率\",\"numerator\":8,\"denominator\":9,\"rate\":0.889},\"closureFeedback\":{\"name\":\"办结反馈率\",\"numerator\":7,\"denominator\":10,\"rate\":0.7},\"resolution\":{\"name\":\"事项化解率\",\"numerator\":6,\"denominator\":7,\"rate\":0.857},\"repeatReports\":{\"name\":\"重复报警率\",\"numerator\":1,\"denominator\":12,\"rate\":0.083}},\"daily\":[{\"signOff\":{\"name\":\"签收率\",\"numerator\":9,\"denominator\":10,\"rate\":0.9},\"onTimeArrival\":{\"name\":\"按时到点率\",\"numerator\":8,\"denominator\":9,\"rate\":0.889},\"closureFeedback\":{\"name\":\"办结反馈率\",\"numerator\":7,\"denominator\":10,\"rate\":0.7},\"resolution\":{\"name\":\"事项化解率\",\"numerator\":6,\"denominator\":7,\"rate\":0.857},\"repeatReports\":{\"name\":\"重复报警率\",\"numerator\":1,\"denominator\":12,\"rate\":0.083}}]},"
            + "\"departments\":[{\"deptCode\":\"330108-WY-001\",\"deptName\":\"物业管理办公室\",\"week\":{\"signOff\":{\"name\":\"签收率\",\"numerator\":9,\"denominator\":10,\"rate\":0.9},\"onTimeArrival\":{\"name\":\"按时到点率\",\"numerator\":8,\"denominator\":9,\"rate\":0.889},\"closureFeedback\":{\"name\":\"办结反馈率\",\"numerator\":7,\"denominator\":10,\"rate\":0.7},\"resolution\":{\"name\":\"事项化解率\",\"numerator\":6,\"denominator\":7,\"rate\":0.857},\"repeatReports\":{\"name\":\"重复报警率\",\"numerator\":1,\"denominator\":12,\"rate\":0.083}},\"daily\":[{\"signOff\":{\"name\":\"签收率\",\"numerator\":9,\"denominator\":10,\"rate\":0.9},\"onTimeArrival\":{\"name\":\"按时到点率\",\"numerator\":8,\"denominator\":9,\"rate\":0.889},\"closureFeedback\":{\"name\":\"办结反馈率\",\"numerator\":7,\"denominator\":10,\"rate\":0.7},\"resolution\":{\"name\":\"事项化解率\",\"numerator\":6,\"denominator\":7,\"rate\":0.857},\"repeatReports\":{\"name\":\"重复报警率\",\"numerator\":1,\"denominator\":12,\"rate\":0.083}}]}]}";

    private CockpitExamples() {
    }
}
