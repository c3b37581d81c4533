package io.tenantry.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.scim.Scim;
import io.tenantry.scim.ScimErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * SCIM's error format (RFC 7644 section 3.12) on every error of a SCIM route: whatever answered the request with
 * Tenantry's problem+json (the security filters' 401 and 403, Spring MVC's 404, 405, 406, 415, the domain's refusals)
 * is answered as a SCIM error with the same status and detail, its {@code scimType} the refusal's own or the one its
 * code has ({@link ScimErrors#scimTypeOf}), as {@code application/scim+json}. So errors keep one path (problems), and
 * SCIM clients read theirs. Runs ahead of the security filters; only SCIM routes' answers are buffered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ScimErrorBodies extends OncePerRequestFilter {

    private static final String PREFIX = Scim.BASE_PATH + "/";

    private final ObjectMapper objectMapper;

    ScimErrorBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String text ? text : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return !(path.startsWith(PREFIX) || path.equals(Scim.BASE_PATH));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } finally {
            rewrite(buffered);
            buffered.copyBodyToResponse();
        }
    }

    private void rewrite(ContentCachingResponseWrapper response) throws IOException {
        String type = response.getContentType();
        if (response.getStatus() < 400
                || type == null
                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            return;
        }
        JsonNode problem;
        try {
            problem = objectMapper.readTree(response.getContentAsByteArray());
        } catch (IOException unreadable) {
            problem = objectMapper.createObjectNode();
        }
        int status = response.getStatus();
        String scimType = problem.path(ScimErrors.SCIM_TYPE).isTextual()
                ? problem.path(ScimErrors.SCIM_TYPE).asText()
                : ScimErrors.scimTypeOf(problem.path("code").asText(null));
        String detail = problem.path("detail").isTextual()
                ? problem.path("detail").asText()
                : problem.path("title").asText("The request failed.");
        response.resetBuffer();
        response.setContentType(Scim.MEDIA_TYPE);
        objectMapper.writeValue(response.getOutputStream(), ScimErrors.body(status, scimType, detail));
    }
}
