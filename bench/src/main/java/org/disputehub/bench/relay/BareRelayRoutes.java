package org.disputehub.bench.relay;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The relay's routes: every input straight onto {@code BARE.RELAY}, and from there to the department. Consumer
 * counts: {@code bench.relay.consumers} (default 64: the HTTP calls to the department block; 64 carried 1.7× what 32 did) and
 * {@code bench.relay.alarm-consumers} (default 2, as the hub's 110 connector).
 */
@Component
public class BareRelayRoutes extends RouteBuilder {

    static final String QUEUE = "jms:queue:BARE.RELAY";

    @Override
    public void configure() {
        from("platform-http:/bench/ready").routeId("bare-ready").description("Readiness of the relay")
                .setBody(constant("ok"));
        from("platform-http:/api/inbound/petition?httpMethodRestrict=POST").routeId("bare-petition")
                .description("Petition pushes onto the relay queue")
                .to(ExchangePattern.InOnly, QUEUE).setBody(constant("<Ack><Code>0</Code></Ack>"));
        from("platform-http:/api/inbound/odr?httpMethodRestrict=POST").routeId("bare-odr")
                .description("ODR webhooks onto the relay queue")
                .to(ExchangePattern.InOnly, QUEUE).setBody(constant("{\"received\":true}"));
        from("jms:queue:JCJ.LDJQ.OUT?concurrentConsumers={{bench.relay.alarm-consumers:2}}").routeId("bare-alarm110")
                .description("110 alarms onto the relay queue")
                .to(ExchangePattern.InOnly, QUEUE);
        from("file:{{bench.relay.labor-inbox}}?doneFileName=${file:name}.ok&charset=GBK&delete=true&delay=250")
                .routeId("bare-labor").description("Labor batch rows onto the relay queue")
                .split(body().tokenize("\r\n")).streaming()
                    .filter(body().startsWith("LD"))
                    .to(ExchangePattern.InOnly, QUEUE);
        from("timer:bare-hotline12345?period=200").routeId("bare-hotline12345")
                .description("12345 work orders polled onto the relay queue")
                .process("hotlinePoll");
        from(QUEUE + "?concurrentConsumers={{bench.relay.consumers:64}}").routeId("bare-out").description("Relay queue to the department")
                .process("httpOut");
    }
}
