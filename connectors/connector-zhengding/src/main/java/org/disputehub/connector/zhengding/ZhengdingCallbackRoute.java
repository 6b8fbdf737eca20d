package org.disputehub.connector.zhengding;

import org.apache.camel.builder.RouteBuilder;
import org.disputehub.canonical.connector.InboundErrorPolicy;

/**
 * Route {@code zhengding-callback}: the platform's encrypted event callbacks
 * ({@code POST /api/inbound/zhengding/callback?signature=&timestamp=&nonce=}, body {@code {"encrypt":"…"}}).
 * Refusals (401 bad/stale signature or another app key, 400 bad ciphertext or event, 413 oversize) are answered
 * and recorded as REJECTED by the inbound error policy; every valid callback is answered 200 with the encrypted,
 * signed {@code success}.
 */
public class ZhengdingCallbackRoute extends RouteBuilder {

    public static final String ROUTE_ID = "zhengding-callback";

    private final ZhengdingCallback callback;
    private final CallbackReply reply;

    public ZhengdingCallbackRoute(ZhengdingCallback callback, CallbackReply reply) {
        this.callback = callback;
        this.reply = reply;
    }

    @Override
    public void configure() {
        // useStreaming: the body as the bytes received (the default reads it through a Reader, which replaces bytes
        // that are not UTF-8, so a body in another encoding would be checked, and recorded, as something else)
        from("platform-http:" + Zhengding.CALLBACK_PATH + "?httpMethodRestrict=POST&useStreaming=true")
                .routeId(ROUTE_ID)
                .routeConfigurationId(InboundErrorPolicy.ID)
                .description("Takes in Zhengding's encrypted event callbacks: verifies and decrypts them, turns case actions "
                        + "(SIGN, ARRIVE, FEEDBACK, RETURN, VISIT) into status events on HUB.STATUS.IN and answers success")
                .process(callback::verify).id("zhengding-callback-verify")
                .process(callback::decrypt).id("zhengding-callback-decrypt")
                .process(callback::event).id("zhengding-callback-event")
                .process(reply::write).id("zhengding-callback-reply");
    }
}
