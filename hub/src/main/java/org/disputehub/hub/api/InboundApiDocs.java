package org.disputehub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.disputehub.canonical.codec.Json;

/**
 * The connectors' push endpoints (Camel platform-http routes, which springdoc does not see), described by hand from
 * their contracts: each with its signature as a security scheme, its body and every answer — 503 with
 * {@code Retry-After} while the hub starts or the connector is paused.
 */
final class InboundApiDocs {

    static final String TAG = "inbound";
    private static final String XML = "application/xml";
    private static final String JSON = ApiReplies.JSON;

    private InboundApiDocs() {
    }

    /** Adds the three push endpoints under the paths the hub serves them at (path → connector). */
    static void addTo(OpenAPI api, Map<String, String> paths) {
        Components c = api.getComponents();
        c.addSecuritySchemes("petitionSignature", header("X-Signature",
                "base64 HMAC-SHA256(sharedSecret, X-Timestamp + \".\" + raw body bytes) (docs/interfaces/petition.md)"));
        c.addSecuritySchemes("petitionTimestamp", header("X-Timestamp", "epoch seconds, at most 300 s from the hub's clock"));
        c.addSecuritySchemes("odrSignature", header("ODR-Signature", "t={epoch seconds},v1={lowercase hex HMAC-SHA256("
                + "webhookSecret, t + \".\" + raw body)}; several v1= during a secret rotation (docs/interfaces/odr.md)"));
        c.addSecuritySchemes("zhengdingSignature", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.QUERY).name("signature").description("lowercase hex SHA-1 of [token, timestamp, "
                        + "nonce, encrypt] sorted; with the query parameters timestamp (epoch ms) and nonce "
                        + "(docs/interfaces/zhengding.md)"));
        paths.forEach((path, connector) -> {
            Operation op = switch (connector) {
                case "petition" -> petition();
                case "odr" -> odr();
                case "zhengding" -> zhengding();
                default -> null;
            };
            if (op != null) {
                api.path(path, new PathItem().post(op.addTagsItem(TAG)));
            }
        });
    }

    private static Operation petition() {
        return new Operation().operationId("petitionPush").summary("The petition platform pushes a signed petition (XFJ)")
                .addSecurityItem(new SecurityRequirement().addList("petitionSignature").addList("petitionTimestamp"))
                .requestBody(body(XML, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <XFJ><XFJBH>XF3301082026112200007</XFJBH><DJSJ>2026-11-22T10:02:00+08:00</DJSJ><XFXS>网上信访</XFXS>\
                        <XFRS>12</XFRS><XFR><XM>王五</XM><LXDH>13700137000</LXDH></XFR><WTSD><XZQH>330108</XZQH>\
                        <DZ>杭州市滨江区西兴街道xx小区</DZ></WTSD><NRFL>物业管理</NRFL><XFNR>小区物业擅自提高物业费</XFNR><SFCF>1</SFCF></XFJ>"""))
                .responses(common(new ApiResponses()
                        .addApiResponse("200", reply("stored durably; the same XFJBH again gets the same CaseId", XML,
                                "<Ack><Code>0</Code><CaseId>HUB-20261122-000017</CaseId></Ack>"))
                        .addApiResponse("400", reply("malformed (names the element), or XML with a DOCTYPE", XML,
                                "<Ack><Code>E400</Code><Message>DJSJ must be ISO-8601 with offset</Message></Ack>"))));
    }

    private static Operation odr() {
        return new Operation().operationId("odrWebhook").summary("ODR webhook: dispute.created | dispute.updated | "
                        + "dispute.withdrawn | mediation.concluded")
                .addSecurityItem(new SecurityRequirement().addList("odrSignature"))
                .requestBody(body(JSON, """
                        {"id":"evt_01JD3Q4ZK7M2","type":"dispute.created","created":1795333800,"data":{\
                        "disputeId":"ODR-2026-000123","submittedAt":"2026-11-22T10:10:00+08:00","disputeType":"CONSUMER",\
                        "applicant":{"name":"陈七","phone":"13500135000"},"region":"330108","address":"杭州市滨江区长河街道",\
                        "description":"购买的冰箱一周内故障，商家拒绝退换"}}"""))
                .responses(common(new ApiResponses()
                        .addApiResponse("200", reply("stored durably (an unknown type is acknowledged and recorded)", JSON,
                                "{\"received\":true,\"caseId\":\"HUB-20261122-000018\"}"))
                        .addApiResponse("400", reply("malformed event", JSON,
                                "{\"error\":\"data.submittedAt must be ISO-8601 with offset\",\"field\":\"data.submittedAt\"}"))));
    }

    private static Operation zhengding() {
        return new Operation().operationId("zhengdingCallback").summary("Zhengding encrypted event callback "
                        + "(check_url, case_action)")
                .addSecurityItem(new SecurityRequirement().addList("zhengdingSignature"))
                .addParametersItem(new Parameter().in("query").name("timestamp").required(true)
                        .schema(new IntegerSchema().format("int64")).description("epoch ms, at most 5 minutes off"))
                .addParametersItem(new Parameter().in("query").name("nonce").required(true).schema(new StringSchema()))
                .requestBody(body(JSON, "{\"encrypt\":\"1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3+nlyGNhwmwJ3vDMG+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==\"}"))
                .responses(common(new ApiResponses()
                        .addApiResponse("200", reply("the encrypted \"success\" answer", JSON,
                                "{\"msg_signature\":\"111108bb8e6dbce3c9671d6fdb69d15066227608\",\"timeStamp\":\"1795335000000\","
                                        + "\"nonce\":\"123456\",\"encrypt\":\"1ojQf0NSvw2WPvW7LijxS8UvISr8pdDP+rXpPbcLGOmIBNbWetRg7IP0vdhVgkVwSoZBJeQwY2zhROsJq/HJ+q6tp1qhl9L1+ccC9ZjKs1wV5bmA9NoAWQiZ+7MpzQVq+j74rJQljdVyBdI/dGOvsnBSCxCVW0ISWX0vn9lYTuuHSoaxwCGylH9qRhYQNnZIpUNUtJ2s==\"}"))
                        .addApiResponse("400", reply("bad ciphertext or event", JSON,
                                "{\"error\":\"case_action: eventId must be 1-64 letters, digits or _ . : -\"}"))));
    }

    /** The answers every push endpoint shares: 401, 413, 503. */
    private static ApiResponses common(ApiResponses r) {
        return r.addApiResponse("401", new ApiResponse().description("missing, wrong or stale signature; nothing is stored "
                        + "but the rejection"))
                .addApiResponse("413", new ApiResponse().description("body over the configured limit (default 1 MiB)"))
                .addApiResponse("503", reply("the hub is starting or stopping, or the connector is paused by an operator: "
                        + "send again after Retry-After seconds", JSON, ApiExamples.PAUSED)
                        .addHeaderObject("Retry-After", new Header().description("seconds to wait before sending again")
                                .schema(new IntegerSchema())));
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(name)
                .description(description);
    }

    private static RequestBody body(String type, String example) {
        return new RequestBody().required(true).content(new Content().addMediaType(type, media(type, example)));
    }

    private static ApiResponse reply(String description, String type, String example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(type, media(type, example)));
    }

    /** XML as text; JSON as an object, so that the example shows as JSON and not as a string. */
    private static MediaType media(String type, String example) {
        return XML.equals(type) ? new MediaType().schema(new StringSchema()).example(example)
                : new MediaType().schema(new ObjectSchema()).example(Json.read(example, JsonNode.class));
    }
}
