package org.disputehub.broker;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The broker settings the hub relies on, shared by the embedded broker (hub) and the standalone one
 * ({@link BrokerMain}): a short journal buffer timeout (group commit), and a dead-letter and expiry net so a
 * message the broker itself gives up on is never dropped. The hub parks failed messages itself
 * (DLQ.{queue}, with the reason); DLQ.BROKER is the broker's own last resort.
 */
public final class BrokerSettings {

    public static final String BROKER_DLQ = "DLQ.BROKER";
    public static final String EXPIRY = "EXPIRED";

    private BrokerSettings() {
    }

    public static void apply(Configuration config, long journalBufferTimeoutNs) {
        config.setJournalBufferTimeout_NIO((int) journalBufferTimeoutNs);
        config.setJournalBufferTimeout_AIO((int) journalBufferTimeoutNs);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(true);
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(BROKER_DLQ))
                .setExpiryAddress(SimpleString.of(EXPIRY))
                .setMaxDeliveryAttempts(20)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        // the dead-letter and expiry addresses need a queue each: a message sent to an address without one is dropped
        for (String address : new String[] {BROKER_DLQ, EXPIRY}) {
            config.addQueueConfiguration(QueueConfiguration.of(address).setRoutingType(RoutingType.ANYCAST));
        }
    }
}
