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
    /** Buckets of message groups per queue: the bound on the broker's group memory. */
    public static final int GROUP_BUCKETS = 1024;

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
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                // per-case order rides on JMSXGroupID: hash the group ids into a fixed number of buckets so the
                // broker's group-to-consumer map stays bounded however many cases pass (a bucket keeps its cases'
                // order: one consumer per bucket at a time)
                .setDefaultGroupBuckets(GROUP_BUCKETS));
        // the dead-letter and expiry addresses need a queue each: a message sent to an address without one is dropped
        for (String address : new String[] {BROKER_DLQ, EXPIRY}) {
            config.addQueueConfiguration(QueueConfiguration.of(address).setRoutingType(RoutingType.ANYCAST));
        }
    }
}
