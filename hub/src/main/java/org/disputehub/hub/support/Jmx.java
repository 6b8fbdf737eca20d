package org.disputehub.hub.support;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/** Registers the hub's own MBeans (KPIs, admin operations) with the platform MBean server that Hawtio reads. */
public final class Jmx {

    private Jmx() {
    }

    /** Registers, replacing an earlier registration under the same name (a restarted context). */
    public static <T> void register(T bean, Class<T> type, String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = new ObjectName(name);
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(new StandardMBean(bean, type), objectName);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register MBean " + name, e);
        }
    }

    public static void unregister(String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = new ObjectName(name);
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister MBean " + name, e);
        }
    }
}
