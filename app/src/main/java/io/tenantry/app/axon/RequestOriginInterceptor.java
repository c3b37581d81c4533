package io.tenantry.app.axon;

import io.tenantry.app.security.JwtClaimsAuthorities;
import io.tenantry.app.web.CorrelationIdFilter;
import io.tenantry.contracts.MetaDataKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps a message sent from an HTTP request with the caller ({@code actorId} = JWT {@code sub}, or
 * {@code apikey:<id>}; {@code impersonatorId} = {@code act.sub} when a partner admin acts as the user), the request's
 * correlation id, and where it came from ({@code originIp}, {@code userAgent}): what the tenant's audit log shows.
 * Values already present (a saga's commands inherit them) are kept.
 */
class RequestOriginInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    /** Whether to record the impersonator and the request's origin: for commands (their events are audited). */
    private final boolean origin;

    RequestOriginInterceptor(boolean origin) {
        this.origin = origin;
    }

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> {
            MetaData metaData = message.getMetaData();
            Map<String, Object> additions = new HashMap<>();
            if (!metaData.containsKey(MetaDataKeys.ACTOR_ID)) {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null
                        && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken)) {
                    additions.put(MetaDataKeys.ACTOR_ID, authentication.getName());
                    String impersonator = !origin
                            ? null
                            : JwtClaimsAuthorities.toCaller(authentication).impersonatedBy();
                    if (impersonator != null) {
                        additions.put(MetaDataKeys.IMPERSONATOR_ID, impersonator);
                    }
                }
            }
            if (origin
                    && !metaData.containsKey(MetaDataKeys.ORIGIN_IP)
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                additions.put(MetaDataKeys.ORIGIN_IP, request.getRemoteAddr());
                String userAgent = request.getHeader("User-Agent");
                if (userAgent != null && !userAgent.isBlank()) {
                    additions.put(
                            MetaDataKeys.USER_AGENT,
                            userAgent.length() <= MetaDataKeys.USER_AGENT_MAX
                                    ? userAgent
                                    : userAgent.substring(0, MetaDataKeys.USER_AGENT_MAX));
                }
            }
            String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
            if (!metaData.containsKey(MetaDataKeys.CORRELATION_ID) && correlationId != null) {
                additions.put(MetaDataKeys.CORRELATION_ID, correlationId);
            }
            return additions.isEmpty() ? message : (M) message.andMetaData(additions);
        };
    }
}
