package org.disputehub.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hawtio's own login page, backed by the hub's users: it answers the page's question which login methods there
 * are ({@code auth/config/login}: a user-name and password form) and takes its JSON login post
 * ({@code auth/login}), authenticating through Spring Security and keeping the user in the HTTP session, as a
 * form login would. The post must be JSON (a cross-site page cannot send that without CORS), so it needs no CSRF
 * token, which Hawtio's page does not send. A wrong password is answered 403, as Hawtio's own servlet does.
 */
class HawtioLoginFilter extends OncePerRequestFilter {

    static final String BASE = "/actuator/hawtio/";
    static final String LOGIN = BASE + "auth/login";
    static final String LOGIN_METHODS = BASE + "auth/config/login";

    private static final Logger LOG = LoggerFactory.getLogger("hub.security");
    private static final String FORM = """
            [{"method":"form","name":"User name and password","type":"json","url":"auth/login",\
            "logoutUrl":"auth/logout","userField":"username","passwordField":"password","position":0}]""";

    private final AuthenticationManager authentication;
    private final ObjectMapper json = new ObjectMapper();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    HawtioLoginFilter(AuthenticationManager authentication) {
        this.authentication = authentication;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(("GET".equals(request.getMethod()) && LOGIN_METHODS.equals(path))
                || ("POST".equals(request.getMethod()) && LOGIN.equals(path)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod())) {
            write(response, HttpServletResponse.SC_OK, FORM);
            return;
        }
        if (request.getContentType() == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
            write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "{\"error\":\"the login is JSON\"}");
            return;
        }
        JsonNode body = json.readTree(request.getInputStream());
        String user = body == null ? "" : body.path("username").asText("");
        String password = body == null ? "" : body.path("password").asText("");
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        } catch (AuthenticationException e) {
            LOG.info("console: login refused for {}", user.isBlank() ? "a blank user name" : user);
            write(response, HttpServletResponse.SC_FORBIDDEN, "{\"error\":\"wrong user name or password\"}");
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        List<Map<String, String>> principals = new ArrayList<>();
        principals.add(Map.of("type", "user", "name", result.getName()));
        result.getAuthorities().forEach(a -> principals.add(Map.of("type", "role", "name", a.getAuthority())));
        write(response, HttpServletResponse.SC_OK, json.writeValueAsString(Map.of("principals", principals)));
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
