package io.tenantry.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.web.ProblemResponses;
import io.tenantry.command.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as problem+json like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;

    ProblemSecurityHandlers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String detail;
        if (exception instanceof OAuth2AuthenticationException oauth) {
            // the description says why a token was refused (expired, bad signature); it holds no secret
            String description = oauth.getError().getDescription();
            detail = "The bearer token was refused" + (description != null ? ": " + description : ".");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else {
            detail = "A bearer token is required.";
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", detail));
    }

    /** 403 for a tenant API key whose scopes do not open the endpoint (RFC 6750's {@code insufficient_scope}). */
    static AccessDeniedHandler insufficientScope(ObjectMapper objectMapper) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            problems.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "insufficient_scope",
                            "Forbidden",
                            "This API key's scopes do not open " + request.getMethod() + " " + request.getRequestURI()
                                    + "; see GET /api/api-keys/scopes."));
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(
                request,
                response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this."));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        ProblemResponses.write(response, objectMapper, problem);
    }
}
