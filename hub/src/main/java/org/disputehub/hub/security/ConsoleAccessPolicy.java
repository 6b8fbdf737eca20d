package org.disputehub.hub.security;

import java.util.Map;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a console user may do through Jolokia. ADMIN may do everything. VIEWER (any other logged-in user) reads
 * attributes, lists and searches MBeans, and invokes only the read-only operations of {@link #VIEWER_OPERATIONS}:
 * what Hawtio needs to draw route diagrams, show route source and statistics, and ask what the user may invoke.
 * Everything else — starting, stopping, suspending, removing or updating routes, sending, browsing messages or
 * traced bodies, attribute writes, the hub's own admin operations — is ADMIN's. Route source is only handed out
 * with its placeholders unresolved (the no-argument forms), so no configured secret shows.
 */
class ConsoleAccessPolicy {

    static final String ADMIN = "ROLE_ADMIN";

    /** MBean pattern → operations a VIEWER may invoke: a bare name allows every signature, "name()" only that one. */
    static final Map<ObjectName, Set<String>> VIEWER_OPERATIONS = Map.ofEntries(
            entry("org.apache.camel:type=context,*", "dumpRoutesAsXml()", "dumpRoutesAsYaml()", "dumpRestsAsXml()",
                    "dumpRoutesStatsAsXml", "dumpStepStatsAsXml", "dumpStatsAsXml", "dumpRoutesCoverageAsXml"),
            entry("org.apache.camel:type=routes,*", "dumpRouteAsXml()", "dumpRouteAsYaml()", "dumpRouteStatsAsXml",
                    "dumpStepStatsAsXml", "dumpStatsAsXml", "dumpRouteSourceLocationsAsXml", "isUpdateRouteEnabled"),
            entry("org.apache.camel:type=processors,*", "dumpProcessorAsXml()", "dumpStatsAsXml"),
            entry("org.apache.camel:type=steps,*", "dumpStatsAsXml"),
            entry("org.apache.camel:type=services,*", "endpointStatistics", "listTypeConverters", "listRestServices"),
            // exchange ids, routes and durations in flight; no message
            entry("org.apache.camel:type=services,name=DefaultInflightRepository,*", "browse()"),
            entry("hawtio:type=security,area=jmx,*", "canInvoke"),
            entry("hawtio:type=security,name=RBACRegistry", "list"),
            entry("org.springframework.boot:type=Endpoint,name=Health", "health"),
            entry("org.springframework.boot:type=Endpoint,name=Info", "info"),
            entry("org.springframework.boot:type=Endpoint,name=Loggers", "loggers", "loggerLevels"),
            entry("quartz:type=QuartzScheduler,*", "getTriggerState"),
            entry("java.lang:type=Threading", "dumpAllThreads", "findDeadlockedThreads"));

    private final RefusalLog refusals;

    ConsoleAccessPolicy(RefusalLog refusals) {
        this.refusals = refusals;
    }

    /** Whether the current user may invoke {@code operation} (a name, or a name with its signature) on the MBean. */
    boolean mayInvoke(Authentication user, ObjectName mbean, String operation) {
        return isAdmin(user) || (user != null && viewerMayInvoke(mbean, operation));
    }

    /** Whether the current user may invoke some operation of the MBean (Hawtio asks before the per-operation list). */
    boolean mayInvokeAny(Authentication user, ObjectName mbean) {
        return isAdmin(user) || (user != null && mbean != null && !mbean.isPattern()
                && VIEWER_OPERATIONS.keySet().stream().anyMatch(p -> p.apply(mbean)));
    }

    boolean mayWrite(Authentication user) {
        return isAdmin(user);
    }

    /** As {@link #mayInvoke}, logging a refusal (once per user, MBean and operation within the window). */
    boolean checkInvoke(ObjectName mbean, String operation) {
        Authentication user = currentUser();
        boolean allowed = mayInvoke(user, mbean, operation);
        if (!allowed) {
            refusals.refused(userName(user), String.valueOf(mbean), "operation " + operation);
        }
        return allowed;
    }

    /** Attribute writes are ADMIN's; a refusal is logged once per user, MBean and attribute within the window. */
    boolean checkWrite(ObjectName mbean, String attribute) {
        Authentication user = currentUser();
        boolean allowed = mayWrite(user);
        if (!allowed) {
            refusals.refused(userName(user), String.valueOf(mbean), "writing " + attribute);
        }
        return allowed;
    }

    /** A request type only ADMIN may use at all; refusals logged once per user and type within the window. */
    boolean checkAdminOnly(String what) {
        Authentication user = currentUser();
        boolean allowed = isAdmin(user);
        if (!allowed) {
            refusals.refused(userName(user), "Jolokia", what);
        }
        return allowed;
    }

    static Authentication currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth : null;
    }

    static boolean isAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
    }

    private static boolean viewerMayInvoke(ObjectName mbean, String operation) {
        if (mbean == null || mbean.isPattern() || operation == null) {
            return false;
        }
        String op = operation.replaceAll("\\s", "");
        int paren = op.indexOf('(');
        String bare = paren < 0 ? op : op.substring(0, paren);
        return VIEWER_OPERATIONS.entrySet().stream()
                .filter(e -> e.getKey().apply(mbean))
                .flatMap(e -> e.getValue().stream())
                .anyMatch(allowed -> allowed.indexOf('(') < 0 ? allowed.equals(bare) : allowed.equals(op));
    }

    private static String userName(Authentication user) {
        return user == null ? "nobody" : user.getName();
    }

    private static Map.Entry<ObjectName, Set<String>> entry(String pattern, String... operations) {
        try {
            return Map.entry(new ObjectName(pattern), Set.of(operations));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(pattern, e);
        }
    }
}
