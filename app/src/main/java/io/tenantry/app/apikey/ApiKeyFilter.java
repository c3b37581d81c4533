package io.tenantry.app.apikey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.web.ProblemResponses;
import io.tenantry.command.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tnt_…} (the security chain for keys runs this filter only for such
 * requests): 401 {@code invalid_api_key} for a key that is not, or no longer, usable, 429 {@code rate_limited} beyond
 * the key's rate limit, both as problem+json; otherwise the request goes on as the key's {@code Caller}.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final ObjectMapper objectMapper;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyFilter(ApiKeyAuthenticator authenticator, ObjectMapper objectMapper) {
        this.authenticator = authenticator;
        this.objectMapper = objectMapper;
    }

    /** Whether the request carries a tenant API key as its bearer token. */
    public static boolean carriesKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null
                && header.length() > SCHEME.length() + 4
                && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && header.startsWith("tnt_", SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String secret = header == null || header.length() <= SCHEME.length()
                ? ""
                : header.substring(SCHEME.length()).strip();
        try {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(authenticator.authenticate(secret)));
            contexts.setContext(context);
        } catch (ApiKeyAuthenticator.Refused refused) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            write(
                    request,
                    response,
                    Problems.of(HttpStatus.UNAUTHORIZED, "invalid_api_key", "Unauthorized", refused.getMessage()));
            return;
        } catch (ApiKeyAuthenticator.Throttled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds));
            write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too Many Requests", throttled.getMessage()));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemResponses.write(response, objectMapper, problem);
    }
}
