package io.tenantry.projections.audit;

import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.audit.AuditEntry;
import io.tenantry.contracts.lifecycle.LifecycleEventTypes;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Which events are changes to a tenant, and how its audit log tells them. An event belongs to tenant X's log when
 * its payload is a record whose {@code tenantId} is X (the Tenant aggregate's events, and those of its subscription,
 * invitations, API keys, domains, SCIM and webhook endpoints); its action is the lifecycle topic's name for it where
 * there is one ({@code member-added}), else its class's name ({@code TenantContactsUpdatedEvent} →
 * {@code tenant-contacts-updated}); its target the first id it names of those in {@link #TARGETS}. Who, on whose
 * behalf, in which request and from where come from the event's metadata. Only ids are read from a payload, never its
 * other fields (e-mail addresses, names and reasons stay in the event store).
 */
public class AuditTrail {

    /** The CloudEvents type of audit entries sent to webhooks: {@code io.tenantry.audit.<action>.v1}. */
    public static final String TYPE_PREFIX = "io.tenantry.audit.";

    /** The schema of an audit entry as a CloudEvent (envelope and data). */
    public static final String SCHEMA = "io/tenantry/contracts/audit/audit-entry.v1.schema.json";

    /**
     * Components naming what a change is about, the likeliest first, with the target's type. Not {@code planId}: a
     * tenant created on a plan, or a subscription started on one, is about the tenant.
     */
    static final Map<String, String> TARGETS = targets();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final String source;
    private final Map<Class<?>, String> lifecycleNames = new LinkedHashMap<>();

    /** @param source the lifecycle events' CloudEvents source; audit entries have it with {@code /audit} added */
    public AuditTrail(String source) {
        this.source = source.endsWith("/") ? source + "audit" : source + "/audit";
        LifecycleCloudEvents.types().forEach((type, cloudEventType) -> lifecycleNames.put(type, name(cloudEventType)));
    }

    /** The audit entry of this event at this global position, or empty when it changes no tenant. */
    public Optional<AuditEntry> entry(EventMessage<?> event, long position) {
        Shape shape = SHAPES.get(event.getPayloadType());
        if (shape.tenantId == null) {
            return Optional.empty();
        }
        Object payload = event.getPayload();
        String tenantId = (String) shape.read(shape.tenantId, payload);
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        String targetType = "tenant";
        String targetId = tenantId;
        for (Target target : shape.targets) {
            Object value = shape.read(target.accessor(), payload);
            if (value != null && !value.toString().isBlank()) {
                targetType = target.type();
                targetId = value.toString();
                break;
            }
        }
        MetaData metaData = event.getMetaData();
        String actorId = text(metaData, MetaDataKeys.ACTOR_ID);
        return Optional.of(new AuditEntry(
                event.getIdentifier(),
                position,
                tenantId,
                event.getTimestamp(),
                actorId,
                AuditEntry.ActorType.of(actorId),
                text(metaData, MetaDataKeys.IMPERSONATOR_ID),
                action(event.getPayloadType()),
                targetType,
                targetId,
                text(metaData, MetaDataKeys.CORRELATION_ID),
                text(metaData, MetaDataKeys.ORIGIN_IP),
                text(metaData, MetaDataKeys.USER_AGENT)));
    }

    /** The entry as a CloudEvent ({@code io.tenantry.audit.<action>.v1}, subject the tenant), for webhooks. */
    public LifecycleNotice notice(AuditEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", entry.tenantId());
        data.put("action", entry.action());
        data.put("actorId", entry.actorId());
        data.put("actorType", entry.actorType().name());
        data.put("impersonatorId", entry.impersonatorId());
        data.put("targetType", entry.targetType());
        data.put("targetId", entry.targetId());
        data.put("correlationId", entry.correlationId());
        data.put("originIp", entry.originIp());
        data.put("userAgent", entry.userAgent());
        return new LifecycleNotice(
                LifecycleNotice.SPEC_VERSION,
                entry.id(),
                source,
                TYPE_PREFIX + entry.action() + ".v1",
                entry.tenantId(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.time().atOffset(java.time.ZoneOffset.UTC)),
                LifecycleNotice.DATA_CONTENT_TYPE,
                0,
                null,
                data);
    }

    /** The action an event of this type is: its lifecycle name, or its class's name in kebab case. */
    String action(Class<?> payloadType) {
        String lifecycle = lifecycleNames.get(payloadType);
        if (lifecycle != null) {
            return lifecycle;
        }
        String name = payloadType.getSimpleName();
        if (name.endsWith("Event")) {
            name = name.substring(0, name.length() - "Event".length());
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String name(String cloudEventType) {
        String name = cloudEventType.substring(LifecycleEventTypes.PREFIX.length());
        return name.substring(0, name.lastIndexOf(".v"));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> targets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("userId", "user");
        targets.put("toUserId", "user");
        targets.put("subjectId", "user");
        targets.put("keyId", "api-key");
        targets.put("endpointId", "webhook-endpoint");
        targets.put("teamId", "team");
        targets.put("invitationId", "invitation");
        targets.put("requestId", "join-request");
        targets.put("domain", "domain");
        targets.put("scimId", "scim-user");
        targets.put("toPlanId", "plan");
        targets.put("key", "entitlement");
        return targets;
    }

    private record Target(Method accessor, String type) {}

    /** The accessors an event class offers: its tenant id and its targets, in {@link #TARGETS}' order. */
    private record Shape(Method tenantId, List<Target> targets) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return new Shape(null, List.of());
            }
            Map<String, Method> accessors = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class) {
                    accessors.put(component.getName(), component.getAccessor());
                }
            }
            List<Target> targets = new ArrayList<>();
            TARGETS.forEach((name, targetType) -> {
                if (accessors.containsKey(name)) {
                    targets.add(new Target(accessors.get(name), targetType));
                }
            });
            return new Shape(accessors.get("tenantId"), List.copyOf(targets));
        }

        Object read(Method accessor, Object payload) {
            try {
                return accessor.invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor + " of " + payload.getClass(), e);
            }
        }
    }
}
