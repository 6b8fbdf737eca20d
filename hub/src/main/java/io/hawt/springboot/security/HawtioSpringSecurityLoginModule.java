package io.hawt.springboot.security;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.RolePrincipal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Lets Hawtio authorise through Spring Security. Hawtio 5.2's Spring Boot listener looks this class up by name
 * and, when it exists, chains it after Spring Security's {@code SecurityContextLoginModule}; its published
 * artifact ({@code hawtio-springboot-security}) is not in our package registry, so the hub provides it: it turns
 * the roles of the logged-in Spring Security user (ADMIN, VIEWER) into Hawtio role principals.
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {

    private Subject subject;
    private Class<? extends Principal> roleClass = RolePrincipal.class;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        Object config = options.get(AuthenticationConfiguration.class.getName());
        if (config instanceof AuthenticationConfiguration auth && auth.getDefaultRolePrincipalClass() != null) {
            roleClass = auth.getDefaultRolePrincipalClass();
        }
    }

    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() {
        List<Principal> roles = new ArrayList<>();
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof Authentication auth) {
                for (GrantedAuthority authority : auth.getAuthorities()) {
                    String role = authority.getAuthority();
                    roles.add(role(role.startsWith("ROLE_") ? role.substring(5) : role));
                }
            }
        }
        subject.getPrincipals().addAll(roles);
        return true;
    }

    private Principal role(String name) {
        try {
            return roleClass.getConstructor(String.class).newInstance(name);
        } catch (ReflectiveOperationException e) {
            return new RolePrincipal(name);
        }
    }

    @Override
    public boolean abort() {
        return false;
    }

    @Override
    public boolean logout() {
        return subject.getPrincipals().removeIf(p -> p.getClass() == roleClass);
    }
}
