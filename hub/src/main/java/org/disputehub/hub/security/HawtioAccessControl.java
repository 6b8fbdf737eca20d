package org.disputehub.hub.security;

import io.hawt.jmx.JMXSecurityMBean;
import java.util.List;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import org.disputehub.hub.support.Jmx;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;

/**
 * The answer to Hawtio's "may I?" ({@code canInvoke}), from {@link ConsoleAccessPolicy}: Hawtio looks for an MBean
 * {@code *:type=security,area=jmx,*} (preferring one that is not its own allow-everything dummy) and disables the
 * buttons and operations the current user may not invoke — so a VIEWER sees Stop, Start, Delete, Send and the
 * attribute editors disabled, and the route diagram, source and statistics enabled. Asking is never a refusal.
 */
class HawtioAccessControl implements JMXSecurityMBean, DisposableBean {

    static final String OBJECT_NAME = "hawtio:type=security,area=jmx,name=HubAccessControl";

    private final ConsoleAccessPolicy policy;

    HawtioAccessControl(ConsoleAccessPolicy policy) {
        this.policy = policy;
        Jmx.register(this, JMXSecurityMBean.class, OBJECT_NAME);
    }

    @Override
    public boolean canInvoke(String objectName) {
        ObjectName name = parse(objectName);
        return name != null && policy.mayInvokeAny(ConsoleAccessPolicy.currentUser(), name);
    }

    @Override
    public boolean canInvoke(String objectName, String methodName) {
        ObjectName name = parse(objectName);
        return name != null && policy.mayInvoke(ConsoleAccessPolicy.currentUser(), name, methodName);
    }

    /** Hawtio asks about attribute writes as {@code set<Attribute>}; operations as name and argument types. */
    @Override
    public boolean canInvoke(String objectName, String methodName, String[] argumentTypes) {
        String signature = methodName + "(" + String.join(",", argumentTypes == null ? new String[0] : argumentTypes) + ")";
        return canInvoke(objectName, signature);
    }

    /** The bulk question: MBean → operations ("stop()", "dumpRoutesStatsAsXml(boolean,boolean)"). */
    @Override
    public TabularData canInvoke(Map<String, List<String>> bulkQuery) throws OpenDataException {
        Authentication user = ConsoleAccessPolicy.currentUser();
        TabularData table = new TabularDataSupport(CAN_INVOKE_TABULAR_TYPE);
        for (Map.Entry<String, List<String>> entry : bulkQuery.entrySet()) {
            ObjectName name = parse(entry.getKey());
            List<String> methods = entry.getValue() == null ? List.of() : entry.getValue();
            if (methods.isEmpty()) {
                table.put(row(entry.getKey(), "", name != null && policy.mayInvokeAny(user, name)));
            }
            for (Object method : methods) {
                String op = String.valueOf(method);
                table.put(row(entry.getKey(), op, name != null && policy.mayInvoke(user, name, op)));
            }
        }
        return table;
    }

    private static CompositeDataSupport row(String objectName, String method, boolean canInvoke) throws OpenDataException {
        return new CompositeDataSupport(CAN_INVOKE_RESULT_ROW_TYPE, CAN_INVOKE_RESULT_COLUMNS,
                new Object[] {objectName, method, canInvoke});
    }

    private static ObjectName parse(String objectName) {
        try {
            return objectName == null ? null : new ObjectName(objectName);
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        Jmx.unregister(OBJECT_NAME);
    }
}
