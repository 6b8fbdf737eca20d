package org.disputehub.demo;

import java.time.Duration;
import org.disputehub.connector.zhengding.Zhengding;
import org.disputehub.fixtures.zhengding.ZhengdingSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Zhengding platform of the demo: the simulator of test-fixtures issues access tokens and takes the hub's work
 * notifications on {@code hub.demo.zhengding-port}; for each new dispatch to a zhengding department (routes/
 * departments-zhengding.yaml) its duty staff sign, arrive and report the case resolved through the hub's encrypted
 * callback endpoint, one step every {@code hub.demo.zhengding-step-delay}. On with the demo and the Zhengding
 * connector; it starts after the web server (default phase).
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.zhengding.enabled"}, havingValue = "true")
class ZhengdingDemo extends DemoSimulator<ZhengdingSimulator> {

    private final int port;
    private final Duration stepDelay;
    private final String callbackUrl;
    private final ZhengdingSimulator.App app;

    ZhengdingDemo(@Value("${hub.demo.zhengding-port}") int port,
                  @Value("${hub.demo.zhengding-step-delay:2s}") Duration stepDelay,
                  @Value("${hub.public-url}") String publicUrl,
                  @Value("${hub.connectors.zhengding.app-key}") String appKey,
                  @Value("${hub.connectors.zhengding.app-secret}") String appSecret,
                  @Value("${hub.connectors.zhengding.callback-token}") String callbackToken,
                  @Value("${hub.connectors.zhengding.callback-aes-key}") String aesKey) {
        super("Zhengding simulator", port);
        this.port = port;
        this.stepDelay = stepDelay;
        this.callbackUrl = publicUrl.replaceAll("/+$", "") + Zhengding.CALLBACK_PATH;
        this.app = new ZhengdingSimulator.App(appKey, appSecret, callbackToken, aesKey);
    }

    @Override
    protected ZhengdingSimulator open() {
        ZhengdingSimulator simulator = ZhengdingSimulator.start(port, app, callbackUrl, stepDelay);
        LOG.info("demo: Zhengding simulator on :{}; its duty staff call back {} (a step every {})", port, callbackUrl,
                stepDelay);
        return simulator;
    }

    @Override
    protected void close(ZhengdingSimulator simulator) {
        LOG.info("demo: Zhengding simulator stopped after {} acknowledged callbacks", simulator.callbacksAcknowledged());
        simulator.stop();
    }
}
