package io.tenantry.projections.lifecycle;

import io.tenantry.contracts.apikey.ApiKeyCreatedEvent;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainJoinPolicySetEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestDecidedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestedEvent;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.TenantEntitlementsChangedEvent;
import io.tenantry.contracts.entitlement.UsageThresholdReachedEvent;
import io.tenantry.contracts.lifecycle.LifecycleEventTypes;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.scim.ScimUserProvisionedEvent;
import io.tenantry.contracts.scim.ScimUserUpdatedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.ProvisioningFailure;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantIdentityProviderConfiguredEvent;
import io.tenantry.contracts.tenant.TenantImpersonationGrantedEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointSecretRotatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointUpdatedEvent;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The tenant lifecycle events as CloudEvents, one mapping per event type: its CloudEvents type and the few fields
 * its {@code data} carries. Every mapped event but one is the Tenant aggregate's, so one tenant's events keep the
 * aggregate's order wherever they go; {@code usage-threshold-reached} is usage ingest's, outside the tenant's stream:
 * its subject is the tenant it names, and its {@code tenantversion} 0 (it changes no tenant version). {@code data} is chosen field by field, never the whole event: contacts, addresses,
 * settings and free-text reasons stay out (no personal data on Kafka; a failure carries its
 * {@link ProvisioningFailure} code, the text stays in the event store for the audit). To publish another event, add a
 * line to {@link #MAPPINGS} and its schema to api-contracts ({@code LifecycleCloudEventsTest} checks both).
 */
public class LifecycleCloudEvents {

    private static final Map<Class<?>, Mapping<?>> MAPPINGS = mappings(
            mapping(
                    TenantCreatedEvent.class,
                    "created",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "name",
                            e.name(),
                            "slug",
                            e.slug(),
                            "tier",
                            e.tier(),
                            "industry",
                            e.industry(),
                            "planId",
                            e.planId())),
            mapping(
                    TenantUpdatedEvent.class,
                    "updated",
                    e -> fields(
                            "tenantId", e.tenantId(), "name", e.name(), "slug", e.slug(), "industry", e.industry())),
            mapping(TenantDeletedEvent.class, "deleted", e -> fields("tenantId", e.tenantId())),
            mapping(
                    TenantRestoredEvent.class,
                    "restored",
                    e -> fields("tenantId", e.tenantId(), "slug", e.slug(), "status", e.status())),
            mapping(TenantSuspendedEvent.class, "suspended", e -> fields("tenantId", e.tenantId())),
            mapping(TenantReactivatedEvent.class, "reactivated", e -> fields("tenantId", e.tenantId())),
            mapping(
                    TenantProvisioningStartedEvent.class,
                    "provisioning-started",
                    e -> fields("tenantId", e.tenantId(), "contextId", e.contextId())),
            mapping(TenantProvisionedEvent.class, "provisioned", e -> fields("tenantId", e.tenantId())),
            mapping(
                    TenantProvisioningFailedEvent.class,
                    "provisioning-failed",
                    e -> fields("tenantId", e.tenantId(), "reason", ProvisioningFailure.code(e.reason()))),
            mapping(
                    TenantResourcesReadyEvent.class,
                    "resources-ready",
                    e -> fields("tenantId", e.tenantId(), "contextId", e.contextId())),
            mapping(
                    TenantIdentityProviderConfiguredEvent.class,
                    "identity-provider-configured",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "provider",
                            e.account().provider(),
                            "realm",
                            e.account().realm(),
                            "organizationId",
                            e.account().organizationId(),
                            "clientId",
                            e.account().clientId(),
                            "authId",
                            e.account().authId())),
            mapping(
                    TenantDeprovisioningStartedEvent.class,
                    "deprovisioning-started",
                    e -> fields("tenantId", e.tenantId(), "contextId", e.contextId())),
            mapping(TenantDeprovisionedEvent.class, "deprovisioned", e -> fields("tenantId", e.tenantId())),
            mapping(
                    TenantDeprovisioningFailedEvent.class,
                    "deprovisioning-failed",
                    e -> fields("tenantId", e.tenantId(), "reason", ProvisioningFailure.code(e.reason()))),
            mapping(
                    TenantPlanChangedEvent.class,
                    "plan-changed",
                    e -> fields("tenantId", e.tenantId(), "fromPlanId", e.fromPlanId(), "toPlanId", e.toPlanId())),
            mapping(
                    MemberAddedEvent.class,
                    "member-added",
                    e -> fields("tenantId", e.tenantId(), "userId", e.userId(), "role", e.role())),
            mapping(
                    MemberRemovedEvent.class,
                    "member-removed",
                    e -> fields("tenantId", e.tenantId(), "userId", e.userId(), "left", e.left())),
            mapping(
                    MemberRoleChangedEvent.class,
                    "member-role-changed",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "userId",
                            e.userId(),
                            "previousRole",
                            e.previousRole(),
                            "role",
                            e.role())),
            mapping(
                    OwnershipTransferredEvent.class,
                    "ownership-transferred",
                    e -> fields("tenantId", e.tenantId(), "fromUserId", e.fromUserId(), "toUserId", e.toUserId())),
            mapping(
                    TenantEntitlementsChangedEvent.class,
                    "entitlements-changed",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "planId",
                            e.planId(),
                            "cause",
                            e.cause(),
                            "features",
                            e.features(),
                            "entitlements",
                            e.entitlements().stream()
                                    .map(LifecycleCloudEvents::entitlement)
                                    .toList())),
            mapping(
                    TenantImpersonationGrantedEvent.class,
                    "impersonation-granted",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "actorId",
                            e.actorId(),
                            "subjectId",
                            e.subjectId(),
                            "reason",
                            e.reason(),
                            "expiresAt",
                            e.expiresAt() == null ? null : e.expiresAt().toString())),
            mapping(
                    ApiKeyCreatedEvent.class,
                    "api-key-created",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "keyId",
                            e.keyId(),
                            "name",
                            e.name(),
                            "scopes",
                            e.scopes(),
                            "expiresAt",
                            e.expiresAt() == null ? null : e.expiresAt().toString(),
                            "createdBy",
                            e.createdBy())),
            mapping(
                    ApiKeyRevokedEvent.class,
                    "api-key-revoked",
                    e -> fields("tenantId", e.tenantId(), "keyId", e.keyId(), "revokedBy", e.revokedBy())),
            mapping(
                    MemberSuspendedEvent.class,
                    "member-suspended",
                    e -> fields("tenantId", e.tenantId(), "userId", e.userId())),
            mapping(
                    MemberReactivatedEvent.class,
                    "member-reactivated",
                    e -> fields("tenantId", e.tenantId(), "userId", e.userId())),
            // SCIM: ids only, never the address or the names
            mapping(
                    ScimUserProvisionedEvent.class,
                    "scim-user-provisioned",
                    e -> fields("tenantId", e.tenantId(), "scimId", e.scimId(), "userId", e.userId())),
            mapping(
                    ScimUserUpdatedEvent.class,
                    "scim-user-updated",
                    e -> fields("tenantId", e.tenantId(), "scimId", e.scimId(), "userId", e.userId())),
            mapping(
                    ScimUserBoundEvent.class,
                    "scim-user-bound",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "scimId",
                            e.scimId(),
                            "fromUserId",
                            e.fromUserId(),
                            "toUserId",
                            e.toUserId())),
            mapping(
                    TeamCreatedEvent.class,
                    "team-created",
                    e -> fields("tenantId", e.tenantId(), "teamId", e.teamId(), "name", e.name())),
            mapping(
                    TeamUpdatedEvent.class,
                    "team-updated",
                    e -> fields("tenantId", e.tenantId(), "teamId", e.teamId(), "name", e.name())),
            mapping(
                    TeamDeletedEvent.class,
                    "team-deleted",
                    e -> fields("tenantId", e.tenantId(), "teamId", e.teamId())),
            mapping(
                    TeamMemberAddedEvent.class,
                    "team-member-added",
                    e -> fields(
                            "tenantId", e.tenantId(), "teamId", e.teamId(), "userId", e.userId(), "role", e.role())),
            mapping(
                    TeamMemberRemovedEvent.class,
                    "team-member-removed",
                    e -> fields("tenantId", e.tenantId(), "teamId", e.teamId(), "userId", e.userId())),
            mapping(
                    TeamMemberRoleChangedEvent.class,
                    "team-member-role-changed",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "teamId",
                            e.teamId(),
                            "userId",
                            e.userId(),
                            "previousRole",
                            e.previousRole(),
                            "role",
                            e.role())),
            mapping(
                    TenantDomainAddedEvent.class,
                    "domain-added",
                    e -> fields("tenantId", e.tenantId(), "domain", e.domain())),
            mapping(
                    TenantDomainVerifiedEvent.class,
                    "domain-verified",
                    e -> fields("tenantId", e.tenantId(), "domain", e.domain(), "method", e.method())),
            mapping(
                    TenantDomainUnverifiedEvent.class,
                    "domain-unverified",
                    e -> fields("tenantId", e.tenantId(), "domain", e.domain(), "reason", e.reason())),
            mapping(
                    TenantDomainRemovedEvent.class,
                    "domain-removed",
                    e -> fields("tenantId", e.tenantId(), "domain", e.domain())),
            mapping(
                    TenantDomainJoinPolicySetEvent.class,
                    "domain-join-policy-changed",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "domain",
                            e.domain(),
                            "policy",
                            e.policy(),
                            "defaultRole",
                            e.defaultRole())),
            mapping(
                    TenantJoinRequestedEvent.class,
                    "join-requested",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "requestId",
                            e.requestId(),
                            "userId",
                            e.userId(),
                            "domain",
                            e.domain(),
                            "role",
                            e.role())),
            mapping(
                    TenantJoinRequestDecidedEvent.class,
                    "join-request-decided",
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "requestId",
                            e.requestId(),
                            "userId",
                            e.userId(),
                            "decision",
                            e.decision(),
                            "role",
                            e.role())),
            // a tenant's webhook endpoints (a platform endpoint's, with no tenant, are no tenant's lifecycle): never
            // the URL (it may carry a token of the receiver's) nor, of course, the secret
            ofTenantEndpoint(
                    WebhookEndpointCreatedEvent.class,
                    "webhook-endpoint-created",
                    WebhookEndpointCreatedEvent::tenantId,
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "endpointId",
                            e.endpointId(),
                            "eventTypes",
                            e.eventTypes(),
                            "createdBy",
                            e.createdBy())),
            ofTenantEndpoint(
                    WebhookEndpointUpdatedEvent.class,
                    "webhook-endpoint-updated",
                    WebhookEndpointUpdatedEvent::tenantId,
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "endpointId",
                            e.endpointId(),
                            "eventTypes",
                            e.eventTypes(),
                            "updatedBy",
                            e.updatedBy())),
            ofTenantEndpoint(
                    WebhookEndpointSecretRotatedEvent.class,
                    "webhook-endpoint-secret-rotated",
                    WebhookEndpointSecretRotatedEvent::tenantId,
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "endpointId",
                            e.endpointId(),
                            "previousSecretValidUntil",
                            time(e.previousSecretValidUntil()),
                            "rotatedBy",
                            e.rotatedBy())),
            ofTenantEndpoint(
                    WebhookEndpointDisabledEvent.class,
                    "webhook-endpoint-disabled",
                    WebhookEndpointDisabledEvent::tenantId,
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "endpointId",
                            e.endpointId(),
                            "reason",
                            e.reason(),
                            "disabledBy",
                            e.disabledBy())),
            ofTenantEndpoint(
                    WebhookEndpointEnabledEvent.class,
                    "webhook-endpoint-enabled",
                    WebhookEndpointEnabledEvent::tenantId,
                    e -> fields("tenantId", e.tenantId(), "endpointId", e.endpointId(), "enabledBy", e.enabledBy())),
            ofTenantEndpoint(
                    WebhookEndpointDeletedEvent.class,
                    "webhook-endpoint-deleted",
                    WebhookEndpointDeletedEvent::tenantId,
                    e -> fields("tenantId", e.tenantId(), "endpointId", e.endpointId(), "deletedBy", e.deletedBy())),
            outsideTheTenantStream(
                    UsageThresholdReachedEvent.class,
                    "usage-threshold-reached",
                    UsageThresholdReachedEvent::tenantId,
                    e -> fields(
                            "tenantId",
                            e.tenantId(),
                            "key",
                            e.key(),
                            "percent",
                            e.percent(),
                            "used",
                            e.used(),
                            "limit",
                            e.limit(),
                            "periodStart",
                            time(e.periodStart()),
                            "periodEnd",
                            time(e.periodEnd()),
                            "enforcement",
                            e.enforcement())));

    private final String source;

    /** @param source the CloudEvents {@code source} of every event ({@code tenantry.lifecycle.source}) */
    public LifecycleCloudEvents(String source) {
        this.source = source;
    }

    /** Whether events of this payload type are lifecycle events; answers without deserializing a payload. */
    public boolean isLifecycleEvent(Class<?> payloadType) {
        return MAPPINGS.containsKey(payloadType);
    }

    /**
     * The event as a CloudEvent (without a position), or empty when it is no lifecycle event. The Tenant aggregate's
     * events come as domain events; one published outside any stream (its own id as its aggregate's, which the event
     * store reads back as no aggregate's) as a plain event message.
     */
    public Optional<LifecycleNotice> map(EventMessage<?> event) {
        Mapping<?> mapping = MAPPINGS.get(event.getPayloadType());
        if (mapping == null
                || (mapping.tenantStream() && !(event instanceof DomainEventMessage<?>))
                || !mapping.applies(event.getPayload())) {
            return Optional.empty();
        }
        return Optional.of(new LifecycleNotice(
                LifecycleNotice.SPEC_VERSION,
                event.getIdentifier(),
                source,
                mapping.type(),
                mapping.subject(event),
                time(event.getTimestamp()),
                LifecycleNotice.DATA_CONTENT_TYPE,
                mapping.tenantStream() ? ((DomainEventMessage<?>) event).getSequenceNumber() : 0,
                null,
                mapping.data(event.getPayload())));
    }

    /**
     * RFC 3339 in UTC with as many fraction digits as needed ({@code 09:15:30.12Z}), as the CloudEvents SDK writes
     * {@code time} on the topic: the feed and the topic carry the same text.
     */
    static String time(java.time.Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(java.time.ZoneOffset.UTC));
    }

    /** Every mapped event class with its CloudEvents type. */
    public static Map<Class<?>, String> types() {
        Map<Class<?>, String> types = new LinkedHashMap<>();
        MAPPINGS.forEach((eventClass, mapping) -> types.put(eventClass, mapping.type()));
        return Collections.unmodifiableMap(types);
    }

    /** {@code tenantOf}: null for the Tenant aggregate's events (the aggregate is the tenant), else the tenant named. */
    private record Mapping<T>(
            Class<T> eventClass,
            String type,
            Function<T, Map<String, Object>> fields,
            Function<T, String> tenantOf,
            Predicate<T> when) {

        Mapping(
                Class<T> eventClass,
                String type,
                Function<T, Map<String, Object>> fields,
                Function<T, String> tenantOf) {
            this(eventClass, type, fields, tenantOf, event -> true);
        }

        boolean applies(Object payload) {
            return when.test(eventClass.cast(payload));
        }

        Map<String, Object> data(Object payload) {
            return fields.apply(eventClass.cast(payload));
        }

        boolean tenantStream() {
            return tenantOf == null;
        }

        String subject(EventMessage<?> event) {
            return tenantStream()
                    ? ((DomainEventMessage<?>) event).getAggregateIdentifier()
                    : tenantOf.apply(eventClass.cast(event.getPayload()));
        }
    }

    private static <T> Mapping<T> mapping(Class<T> eventClass, String name, Function<T, Map<String, Object>> fields) {
        return new Mapping<>(eventClass, LifecycleEventTypes.type(name, 1), fields, null);
    }

    /** An event published outside the Tenant aggregate's stream, about the tenant {@code tenantOf} names. */
    private static <T> Mapping<T> outsideTheTenantStream(
            Class<T> eventClass, String name, Function<T, String> tenantOf, Function<T, Map<String, Object>> fields) {
        return new Mapping<>(eventClass, LifecycleEventTypes.type(name, 1), fields, tenantOf);
    }

    /**
     * An event of the Tenant aggregate's stream only when it names a tenant: the same event class, without one, is a
     * platform webhook endpoint's, in a stream of its own.
     */
    private static <T> Mapping<T> ofTenantEndpoint(
            Class<T> eventClass, String name, Function<T, String> tenantOf, Function<T, Map<String, Object>> fields) {
        return new Mapping<>(
                eventClass, LifecycleEventTypes.type(name, 1), fields, null, event -> tenantOf.apply(event) != null);
    }

    private static Map<Class<?>, Mapping<?>> mappings(Mapping<?>... mappings) {
        Map<Class<?>, Mapping<?>> table = new LinkedHashMap<>();
        for (Mapping<?> mapping : mappings) {
            if (table.put(mapping.eventClass(), mapping) != null) {
                throw new IllegalStateException(
                        "two lifecycle mappings for " + mapping.eventClass().getSimpleName());
            }
        }
        return Collections.unmodifiableMap(table);
    }

    /** Names and values in turn; an enum becomes its name, so {@code data} is plain JSON values (null included). */
    private static Map<String, Object> entitlement(Entitlement entitlement) {
        return entitlement.kind() == EntitlementKind.QUOTA
                ? fields(
                        "key",
                        entitlement.key(),
                        "kind",
                        entitlement.kind(),
                        "value",
                        entitlement.value(),
                        "period",
                        entitlement.period(),
                        "enforcement",
                        entitlement.enforcement())
                : fields("key", entitlement.key(), "kind", entitlement.kind(), "value", entitlement.value());
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            fields.put((String) namesAndValues[i], value instanceof Enum<?> constant ? constant.name() : value);
        }
        return fields;
    }
}
