package org.disputehub.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a department by its API key ({@code Authorization: Bearer …}); the principal is its code. */
class DepartmentApiKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "DEPARTMENT";

    private final DepartmentRegistry departments;

    DepartmentApiKeyFilter(DepartmentRegistry departments) {
        this.departments = departments;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<Department> dept = header != null && header.startsWith("Bearer ") && header.length() > 7
                ? departments.byApiKey(header.substring(7).trim()) : Optional.empty();
        if (dept.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"missing or invalid department API key\"}");
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken(dept.get().code(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
