package org.disputehub.hub.support;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Sends stage messages from outside a route (the HTTP API), each persistent, committed before it returns. */
@Component
public class OutboundSender {

    private final ProducerTemplate producer;

    public OutboundSender(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void send(List<Outbound> messages) {
        for (Outbound out : messages) {
            producer.sendBodyAndHeaders("jms:queue:" + out.queue(), out.body(), out.headers());
        }
    }
}
