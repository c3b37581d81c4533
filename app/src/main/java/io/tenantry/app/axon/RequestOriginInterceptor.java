package io.tenantry.app.axon;

import io.tenantry.app.web.CorrelationIdFilter;
import io.tenantry.contracts.MetaDataKeys;
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

/**
 * Stamps a message sent from an HTTP request with the caller ({@code actorId} = JWT {@code sub}) and the request's
 * correlation id. Values already present (a saga's commands inherit them) are kept.
 */
class RequestOriginInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

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
