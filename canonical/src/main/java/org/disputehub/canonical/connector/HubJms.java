package org.disputehub.canonical.connector;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;

/**
 * The {@code jms} component every route of the hub and its connectors uses: persistent sends, cached consumers and
 * <b>local JMS transactions on the listener's own session</b>. No transaction manager is created
 * ({@code lazyCreateTransactionManager=false}): Spring's listener container then exposes its transacted session to
 * the route, every send of the route goes through that same session, and one commit acknowledges the input and
 * publishes the outputs together. (With the transaction manager Camel creates by default, the sends use a second
 * session that is committed <i>after</i> the listener's: a process killed between the two commits has consumed its
 * input and lost its outputs.)
 */
public final class HubJms {

    private HubJms() {
    }

    public static JmsComponent component(ConnectionFactory connectionFactory, String cacheLevel, long receiveTimeout) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        jms.setCacheLevelName(cacheLevel);
        jms.setReceiveTimeout(receiveTimeout);
        jms.setDeliveryPersistent(true);
        jms.setDestinationResolver(new CachingQueueResolver());
        return jms;
    }
}
