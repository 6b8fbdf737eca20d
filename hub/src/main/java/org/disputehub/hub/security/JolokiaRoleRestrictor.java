package org.disputehub.hub.security;

import java.util.Set;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Jolokia's access rules by role (a {@link Restrictor} bean, which Jolokia's Spring Boot endpoint installs): a
 * user without role ADMIN may only {@code read}, {@code list}, {@code search} and ask the {@code version}; every
 * {@code exec} and {@code write} — in the GET form, a POST body or one request of a bulk — is refused by Jolokia
 * itself with status 403 in its answer. Jolokia runs in the request's thread, after Spring Security has
 * authenticated it, so the current user is at hand; no user at all is refused everything. Notification
 * subscriptions are not a request type Jolokia asks about; they change no MBean.
 */
class JolokiaRoleRestrictor implements Restrictor {

    static final Set<RequestType> READ_TYPES = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION);

    private static final Logger LOG = LoggerFactory.getLogger("hub.security");

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return READ_TYPES.contains(type) ? user() != null : admin("Jolokia " + type.getName());
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return admin("operation " + operation + " on " + name);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return admin("writing " + attribute + " of " + name);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return user() != null;
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

    private static Authentication user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth : null;
    }

    private static boolean admin(String what) {
        Authentication auth = user();
        boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin) {
            LOG.warn("jolokia: refused {} for {} (only ADMIN may operate)", what, auth == null ? "nobody" : auth.getName());
        }
        return admin;
    }
}
