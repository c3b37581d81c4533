package io.tenantry.contracts.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tenant lifecycle event as a CloudEvents 1.0 event in structured JSON mode: the value of a record on the
 * lifecycle topic, and an item of the catch-up feed, the same in both but for the feed's {@code position}. The
 * envelope's schema is {@link LifecycleEventTypes#ENVELOPE_SCHEMA}; each type's {@code data} has
 * {@link LifecycleEventTypes#dataSchema}. (Not named …Event: it is no event of the event store, but how one is told.)
 *
 * @param id            the event's identifier in the event store: stable, the key to de-duplicate on
 * @param type          {@code io.tenantry.tenant.<name>.v<version>}
 * @param subject       the tenant's id (also the record key on Kafka)
 * @param time          when the event happened, RFC 3339 in UTC
 * @param tenantversion extension: the tenant's version after this event (its ETag); increases with each event of
 *                      the tenant, with gaps where a tenant event is not a lifecycle event; 0 on an event published
 *                      outside the tenant's stream ({@code usage-threshold-reached}), which changes no version
 * @param position      extension, in the catch-up feed only: the event's global position in the event store, which
 *                      the feed's {@code after} takes; {@code null} (absent) on Kafka
 * @param data          the type's own fields, never personal data
 */
@JsonPropertyOrder({
    "specversion",
    "id",
    "source",
    "type",
    "subject",
    "time",
    "datacontenttype",
    "tenantversion",
    "position",
    "data"
})
public record LifecycleNotice(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        long tenantversion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long position,
        Map<String, Object> data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public LifecycleNotice {
        // the data's fields keep their order, and may be null (an unset industry, say)
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The same notice as the catch-up feed gives it: at its global position in the event store. */
    public LifecycleNotice at(long globalPosition) {
        return new LifecycleNotice(
                specversion, id, source, type, subject, time, datacontenttype, tenantversion, globalPosition, data);
    }
}
