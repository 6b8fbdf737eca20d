package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.fixtures.zhengding.ZhengdingCallbackCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The callback endpoint over HTTP, with the forged callbacks of test-fixtures/zhengding/samples/callbacks. */
class ZhengdingCallbackTest extends ZhengdingContextTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ZhengdingCallbackCrypto platform = new ZhengdingCallbackCrypto(ZhengdingCryptoTest.TOKEN,
            ZhengdingCryptoTest.AES_KEY, ZhengdingCryptoTest.APP_KEY);

    @ParameterizedTest
    @CsvSource({
        "bad-signature.json,       401, signature mismatch",
        "stale-timestamp.json,     401, is more than PT5M from now",
        "future-timestamp.json,    401, is more than PT5M from now",
        "missing-signature.json,   401, signature, timestamp and nonce are required",
        "wrong-appkey.json,        401, another app key",
        "wrong-aes-key.json,       400, wrong key or",
        "truncated.json,           400, is not a positive multiple of 32",
        "not-json.json,            400, body is not JSON",
        "malformed-case-action.json, 400, caseId is required",
    })
    void aForgedCallbackIsRefusedWithItsStatusAndRecorded(String fixture, int status, String reason) throws Exception {
        JsonNode forged = Json.read(ZhengdingNotifyTest.fixture("samples/callbacks/" + fixture), JsonNode.class);
        assertThat(forged.path("status").asInt()).as("the fixture's own expectation").isEqualTo(status);

        HttpResponse<String> response = post(forged.path("query").asText(), forged.path("body").asText());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(Json.read(response.body(), JsonNode.class).path("error").asText()).contains(reason);
        AuditRecord record = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(record.system()).isEqualTo("ZHENGDING");
        assertThat(record.direction()).isEqualTo(AuditRecord.Direction.IN);
        assertThat(record.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(record.reason()).contains(reason);
        assertThat(drain(STATUS_IN)).isEmpty();
    }

    @Test
    void checkUrlIsAnsweredWithTheEncryptedSignedSuccess() throws Exception {
        JsonNode valid = Json.read(ZhengdingNotifyTest.fixture("samples/callbacks/valid-check-url.json"), JsonNode.class);

        HttpResponse<String> response = post(valid.path("query").asText(), valid.path("body").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertSuccessReply(response.body());
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(drain(STATUS_IN)).isEmpty();
    }

    @Test
    void aCaseActionBecomesOneStatusEventEvenWhenThePlatformRetries() throws Exception {
        JsonNode valid = Json.read(ZhengdingNotifyTest.fixture("samples/callbacks/valid-case-action-sign.json"), JsonNode.class);

        HttpResponse<String> first = post(valid.path("query").asText(), valid.path("body").asText());
        Message m = next(STATUS_IN);
        // the platform's retry: the same event message, encrypted and signed anew with another nonce
        String message = platform.decrypt(Json.read(valid.path("body").asText(), JsonNode.class).path("encrypt").asText());
        ZhengdingCallbackCrypto.Callback retry = platform.callback(message, TestApplication.T0, "retry-1");
        HttpResponse<String> again = post(retry.query(), retry.body());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertSuccessReply(again.body());
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("HUB-20261122-000017");
        StatusEvent e = Json.read(text(m), StatusEvent.class);
        assertThat(e).isEqualTo(new StatusEvent("ev-8c1f", "HUB-20261122-000017", CaseStatus.SIGNED,
                OffsetDateTime.parse("2026-11-22T16:10:00+08:00"), new StatusEvent.Actor("330105-SJ-001", "zhangwei01"),
                "收到，马上到", "ZHENGDING"));
        AuditRecord duplicate = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(duplicate.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
        assertThat(duplicate.ref()).isEqualTo("ev-8c1f");
        assertThat(drain(STATUS_IN)).as("the retry is not sent on").isEmpty();
    }

    @Test
    void theClosedLoopActionsArriveInOrderAsStatusEvents() throws Exception {
        List<String> events = List.of(
                action("ev-1", "SIGN", ""), action("ev-2", "ARRIVE", ""), action("ev-3", "FEEDBACK", ",\"resolved\":false"),
                action("ev-4", "RETURN", ",\"note\":\"不属于本所职责\""), action("ev-5", "VISIT", ",\"satisfied\":true"));
        for (String event : events) {
            ZhengdingCallbackCrypto.Callback cb = platform.callback(event, TestApplication.T0 - 60_000, "n-" + event.hashCode());
            assertThat(post(cb.query(), cb.body()).statusCode()).isEqualTo(200);
        }

        List<StatusEvent> received = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            received.add(Json.read(text(next(STATUS_IN)), StatusEvent.class));
        }

        assertThat(received).extracting(StatusEvent::status).containsExactly(CaseStatus.SIGNED, CaseStatus.ARRIVED,
                CaseStatus.UNRESOLVED, CaseStatus.RETURNED, CaseStatus.REVISITED);
        assertThat(received.get(3).note()).isEqualTo("不属于本所职责");
        assertThat(received.get(4).note()).isEqualTo("满意");
    }

    @Test
    void anotherEventTypeIsAcknowledgedAndRecordedAsNotProcessed() throws Exception {
        JsonNode valid = Json.read(ZhengdingNotifyTest.fixture("samples/callbacks/other-event-type.json"), JsonNode.class);

        HttpResponse<String> response = post(valid.path("query").asText(), valid.path("body").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        assertSuccessReply(response.body());
        AuditRecord record = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(record.outcome()).isEqualTo(AuditRecord.Outcome.ACCEPTED);
        assertThat(record.reason()).isEqualTo("not processed");
        assertThat(record.ref()).isEqualTo("EventType user_add_org");
        assertThat(record.body()).contains("\"EventType\":\"user_add_org\"");
        assertThat(drain(STATUS_IN)).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() throws Exception {
        ZhengdingCallbackCrypto.Callback cb = platform.callback("{\"EventType\":\"check_url\"}", TestApplication.T0, "n");

        HttpResponse<String> response = post(cb.query(), "{\"encrypt\":\"" + "A".repeat(70_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        AuditRecord record = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(record.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(record.reason()).contains("exceeds 65536");
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("signature=x&timestamp=1&nonce=n")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    private void assertSuccessReply(String body) {
        JsonNode reply = Json.read(body, JsonNode.class);
        assertThat(reply.path("timeStamp").asText()).isEqualTo(Long.toString(TestApplication.T0));
        assertThat(reply.path("nonce").asText()).matches("[A-Za-z0-9]{16}");
        assertThat(reply.path("msg_signature").asText()).isEqualTo(platform.sign(reply.path("timeStamp").asText(),
                reply.path("nonce").asText(), reply.path("encrypt").asText()));
        assertThat(platform.decrypt(reply.path("encrypt").asText())).isEqualTo("success");
    }

    private static String action(String eventId, String action, String extra) {
        return "{\"EventType\":\"case_action\",\"eventId\":\"" + eventId + "\",\"caseId\":\"HUB-20261122-000031\","
                + "\"action\":\"" + action + "\",\"userId\":\"wanglei01\",\"deptCode\":\"330105-SJ-001\","
                + "\"time\":1795334940000" + extra + "}";
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(query))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String query) {
        return "http://localhost:" + port + Zhengding.CALLBACK_PATH + "?" + query;
    }
}
