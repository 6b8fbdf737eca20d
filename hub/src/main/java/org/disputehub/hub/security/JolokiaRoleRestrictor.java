package org.disputehub.hub.security;

import java.util.Set;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * Jolokia's access rules by role (a {@link Restrictor} bean, which Jolokia's Spring Boot endpoint installs): a
 * logged-in user may {@code read}, {@code list}, {@code search}, ask the {@code version} and {@code exec} what
 * {@link ConsoleAccessPolicy} allows; every other operation and every attribute write — in the GET form, a POST
 * body or one request of a bulk — is ADMIN's and refused by Jolokia itself with status 403 in its answer. Jolokia
 * runs in the request's thread, after Spring Security has authenticated it, so the current user is at hand; no
 * user at all is refused everything. Notification subscriptions are not a request type Jolokia asks about; they
 * change no MBean.
 */
class JolokiaRoleRestrictor implements Restrictor {

    static final Set<RequestType> USER_TYPES = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION, RequestType.EXEC, RequestType.WRITE);

    private final ConsoleAccessPolicy policy;

    JolokiaRoleRestrictor(ConsoleAccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return USER_TYPES.contains(type) ? ConsoleAccessPolicy.currentUser() != null
                : policy.checkAdminOnly("Jolokia " + type.getName());
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return policy.checkInvoke(name, operation);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return policy.checkWrite(name, attribute);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return ConsoleAccessPolicy.currentUser() != null;
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return true;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }
}
