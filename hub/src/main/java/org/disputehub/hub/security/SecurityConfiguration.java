package org.disputehub.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.disputehub.hub.config.HubProperties;
import org.disputehub.hub.department.DepartmentRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what: departments report status events with their API key; people (roles ADMIN and VIEWER,
 * users from {@code hub.security.users}) read the API and use Hawtio after logging in on Hawtio's own login page
 * ({@link HawtioLoginFilter}) or with HTTP basic; health is public. Only ADMIN changes anything: other methods than
 * GET on the API, and every Jolokia operation and attribute write beyond the read-only ones a VIEWER needs to see
 * routes ({@link ConsoleAccessPolicy}, enforced by {@link JolokiaRoleRestrictor}, shown by
 * {@link HawtioAccessControl}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity // Hawtio detects it and authenticates through Spring Security instead of JAAS
class SecurityConfiguration {

    static final List<String> DEMO_PASSWORDS = List.of("{noop}admin", "{noop}viewer");
    static final String HAWTIO_LOGIN_PAGE = "/actuator/hawtio/login";
    /** What Hawtio's login page needs before anyone is logged in: the page, its scripts and images, its login. */
    static final String[] HAWTIO_PUBLIC = {"/actuator/hawtio", "/actuator/hawtio/", "/actuator/hawtio/index.html",
            HAWTIO_LOGIN_PAGE, "/actuator/hawtio/static/**", "/actuator/hawtio/img/**", "/actuator/hawtio/*.js",
            "/actuator/hawtio/favicon.ico", "/actuator/hawtio/hawtconfig.json", "/actuator/hawtio/plugin",
            "/actuator/hawtio/auth/config/**", HawtioLoginFilter.LOGIN};

    @Bean
    @Order(1)
    SecurityFilterChain departmentApi(HttpSecurity http, DepartmentRegistry departments) throws Exception {
        return http.securityMatcher(request -> "POST".equals(request.getMethod())
                        && request.getRequestURI().matches("/api/v1/cases/[^/]+/events"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new DepartmentApiKeyFilter(departments), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(DepartmentApiKeyFilter.ROLE))
                .build();
    }

    /** Push endpoints of the connectors: each verifies its own system's signature (see the connector READMEs). */
    @Bean
    @Order(2)
    SecurityFilterChain inbound(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/inbound/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain people(HttpSecurity http, UserDetailsService users) throws Exception {
        var login = new HawtioLoginFilter(new ProviderManager(new DaoAuthenticationProvider(users)));
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers(HAWTIO_PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("ADMIN", "VIEWER")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("ADMIN", "VIEWER"))
                .httpBasic(b -> { })
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(HAWTIO_LOGIN_PAGE),
                                SecurityConfiguration::isPageRequest)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/hawtio/**")))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers("/api/**", HawtioLoginFilter.LOGIN))
                .addFilterAfter(login, CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .build();
    }

    /** A browser navigating to a page (not a script's fetch): sent to the login page instead of a bare 401. */
    private static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    }

    /** Jolokia's Spring Boot endpoint installs every Restrictor bean. */
    @Bean
    JolokiaRoleRestrictor jolokiaRoleRestrictor(ConsoleAccessPolicy policy) {
        return new JolokiaRoleRestrictor(policy);
    }

    @Bean
    ConsoleAccessPolicy consoleAccessPolicy(ConsoleProperties console, Clock clock) {
        return new ConsoleAccessPolicy(new RefusalLog(console.refusalLogWindow(), clock));
    }

    @Bean
    HawtioAccessControl hawtioAccessControl(ConsoleAccessPolicy policy) {
        return new HawtioAccessControl(policy);
    }

    @Bean
    UserDetailsService users(HubProperties hub, Environment env) {
        List<HubProperties.User> configured = hub.security() == null ? List.of() : hub.security().users();
        boolean prod = Arrays.asList(env.getActiveProfiles()).contains("prod");
        if (configured.isEmpty()) {
            throw new IllegalStateException("hub.security.users: no user configured; the console and API need at least one");
        }
        if (prod && configured.stream().anyMatch(u -> DEMO_PASSWORDS.contains(u.password()))) {
            throw new IllegalStateException("hub.security.users: the prod profile refuses the documented demo passwords");
        }
        List<UserDetails> details = configured.stream()
                .map(u -> User.withUsername(u.name()).password(u.password())
                        .roles(u.roles() == null ? new String[0] : u.roles().toArray(String[]::new)).build())
                .toList();
        return new InMemoryUserDetailsManager(details);
    }
}
