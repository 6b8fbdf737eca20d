package org.disputehub.canonical.connector;

import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * An endpoint URI with {@code {{placeholders}}}, resolved on first use and then reused: a publisher that sends on
 * every push would otherwise resolve the placeholders (a synchronized {@code Properties} lookup) on every send.
 */
public final class ResolvedEndpoint {

    private final ProducerTemplate producer;
    private final String uri;
    private volatile Endpoint endpoint;

    public ResolvedEndpoint(ProducerTemplate producer, String uri) {
        this.producer = producer;
        this.uri = uri;
    }

    public Endpoint get() {
        Endpoint e = endpoint;
        if (e == null) {
            e = producer.getCamelContext().getEndpoint(uri);
            endpoint = e;
        }
        return e;
    }
}
