package org.disputehub.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.disputehub.fixtures.hotline12345.Hotline12345Simulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The 12345 platform of the demo: the simulator of test-fixtures serves a new work order every
 * {@code hub.demo.order-every} (now and then an urgent one, an update or a withdrawal) to the hub's signed polls on
 * {@code hub.demo.hotline12345-port}, and takes its feedback. On with the demo and the 12345 connector.
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.hotline12345.enabled"}, havingValue = "true")
class Hotline12345Demo extends DemoSimulator<WireMockServer> {

    private final int port;
    private final Duration orderEvery;
    private final String appKey;
    private final String appSecret;
    private final String publicUrl;

    Hotline12345Demo(@Value("${hub.demo.hotline12345-port}") int port,
                     @Value("${hub.demo.order-every}") Duration orderEvery,
                     @Value("${hub.connectors.hotline12345.app-key}") String appKey,
                     @Value("${hub.connectors.hotline12345.app-secret}") String appSecret,
                     @Value("${hub.public-url}") String publicUrl) {
        super("12345 simulator", port);
        this.port = port;
        this.orderEvery = orderEvery;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.publicUrl = publicUrl;
    }

    @Override
    protected WireMockServer open() {
        WireMockServer simulator = Hotline12345Simulator.start(port, appKey, appSecret, orderEvery);
        LOG.info("demo: 12345 simulator on :{} (a work order every {}); Hawtio at {}/actuator/hawtio (admin/admin)",
                port, orderEvery, publicUrl);
        return simulator;
    }

    @Override
    protected void close(WireMockServer simulator) {
        simulator.stop();
    }
}
