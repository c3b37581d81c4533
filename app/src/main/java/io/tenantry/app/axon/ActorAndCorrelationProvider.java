package io.tenantry.app.axon;

import io.tenantry.contracts.MetaDataKeys;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries {@code actorId}, {@code correlationId} and where the request came from ({@code impersonatorId},
 * {@code originIp}, {@code userAgent}) from a message to every message it causes (the events a command applies, the
 * commands a saga sends), and records the direct cause as {@code causationId}.
 */
class ActorAndCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : MetaDataKeys.CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(
                MetaDataKeys.CORRELATION_ID,
                message.getMetaData().getOrDefault(MetaDataKeys.CORRELATION_ID, message.getIdentifier()));
        data.put(MetaDataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
