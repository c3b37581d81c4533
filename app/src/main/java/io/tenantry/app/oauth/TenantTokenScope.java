package io.tenantry.app.oauth;

import io.tenantry.contracts.DomainRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.lang.NonNull;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A tenant token acts in its tenant only: on a route of another tenant ({@code {tenantId}} in the path) it is refused
 * with 403 {@code wrong_tenant}, whatever its subject may do there with the identity provider's own token.
 */
class TenantTokenScope implements HandlerInterceptor {

    private final OAuthIssuer issuer;

    TenantTokenScope(OAuthIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public boolean preHandle(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // the issuer as written: not every issuer is a URL (the lead tokens' is not)
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !issuer.get().equals(token.getToken().getClaimAsString("iss"))) {
            return true;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> values
                && values.get("tenantId") instanceof String routeTenant
                && token.getToken().getClaims().get("tenant") instanceof Map<?, ?> tenant
                && !routeTenant.equals(tenant.get("id"))) {
            throw DomainRefusal.forbidden(
                    "wrong_tenant", "This token acts in tenant " + tenant.get("id") + " only; exchange another.");
        }
        return true;
    }
}
