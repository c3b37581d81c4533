package io.tenantry.bench.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the app's event store ({@code domain_event_entry}) holds, read straight from PostgreSQL: the events the load's
 * commands make, found by what identifies each command, and the tenant lifecycle events in the store's order.
 */
final class EventStore {

    private static final String TENANT = "io.tenantry.contracts.tenant.";
    private static final String ENTITLEMENT = "io.tenantry.contracts.entitlement.";
    private static final String APIKEY = "io.tenantry.contracts.apikey.";
    private static final String SCIM = "io.tenantry.contracts.scim.";
    private static final String DOMAINS = "io.tenantry.contracts.domains.";
    private static final String WEBHOOK = "io.tenantry.contracts.webhook.";

    /**
     * The event types the app publishes on the lifecycle topic: LifecycleCloudEvents' mappings in the projections
     * module (the bench does not depend on it). A type published but missing here shows as an unexpected id. Those of
     * the tenant's stream only: usage thresholds, published outside it, come from no load here.
     */
    static final Set<String> LIFECYCLE_TYPES = Set.of(
            TENANT + "TenantCreatedEvent",
            TENANT + "TenantUpdatedEvent",
            TENANT + "TenantDeletedEvent",
            TENANT + "TenantRestoredEvent",
            TENANT + "TenantSuspendedEvent",
            TENANT + "TenantReactivatedEvent",
            TENANT + "TenantProvisioningStartedEvent",
            TENANT + "TenantProvisionedEvent",
            TENANT + "TenantProvisioningFailedEvent",
            TENANT + "TenantResourcesReadyEvent",
            TENANT + "TenantIdentityProviderConfiguredEvent",
            TENANT + "TenantDeprovisioningStartedEvent",
            TENANT + "TenantDeprovisionedEvent",
            TENANT + "TenantDeprovisioningFailedEvent",
            TENANT + "TenantPlanChangedEvent",
            ENTITLEMENT + "TenantEntitlementsChangedEvent",
            TENANT + "TenantImpersonationGrantedEvent",
            TENANT + "MemberAddedEvent",
            TENANT + "MemberRemovedEvent",
            TENANT + "MemberRoleChangedEvent",
            TENANT + "OwnershipTransferredEvent",
            TENANT + "MemberSuspendedEvent",
            TENANT + "MemberReactivatedEvent",
            SCIM + "ScimUserProvisionedEvent",
            SCIM + "ScimUserUpdatedEvent",
            SCIM + "ScimUserBoundEvent",
            APIKEY + "ApiKeyCreatedEvent",
            APIKEY + "ApiKeyRevokedEvent",
            TENANT + "TeamCreatedEvent",
            TENANT + "TeamUpdatedEvent",
            TENANT + "TeamDeletedEvent",
            TENANT + "TeamMemberAddedEvent",
            TENANT + "TeamMemberRemovedEvent",
            TENANT + "TeamMemberRoleChangedEvent",
            DOMAINS + "TenantDomainAddedEvent",
            DOMAINS + "TenantDomainVerifiedEvent",
            DOMAINS + "TenantDomainUnverifiedEvent",
            DOMAINS + "TenantDomainRemovedEvent",
            DOMAINS + "TenantDomainJoinPolicySetEvent",
            DOMAINS + "TenantJoinRequestedEvent",
            DOMAINS + "TenantJoinRequestDecidedEvent",
            // a tenant's endpoints only: a platform endpoint's (no tenant) are on no topic
            WEBHOOK + "WebhookEndpointCreatedEvent",
            WEBHOOK + "WebhookEndpointUpdatedEvent",
            WEBHOOK + "WebhookEndpointSecretRotatedEvent",
            WEBHOOK + "WebhookEndpointDisabledEvent",
            WEBHOOK + "WebhookEndpointEnabledEvent",
            WEBHOOK + "WebhookEndpointDeletedEvent");

    /** One stored lifecycle event. */
    record StoredEvent(String id, String tenantId, long sequence, long globalIndex, String type) {}

    private final HostedPostgres postgres;

    EventStore(HostedPostgres postgres) {
        this.postgres = postgres;
    }

    long count() throws SQLException {
        try (Connection connection = postgres.connect();
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The global index of the newest event in the store (0 when empty). */
    long maxGlobalIndex() throws SQLException {
        try (Connection connection = postgres.connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The tracking tokens' stored size, all processors together (a token that keeps growing holds ever more gaps). */
    long tokenBytes() throws SQLException {
        try (Connection connection = postgres.connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select coalesce(sum(octet_length(token)), 0) from token_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The tenants created with each slug: slug → tenant ids (more than one would be a command applied twice). */
    Map<String, List<String>> createdBySlug() throws SQLException {
        return byField(TENANT + "TenantCreatedEvent", "slug");
    }

    /** The tenants each user was added to: user → tenant ids. */
    Map<String, List<String>> memberAddsByUser() throws SQLException {
        return byField(TENANT + "MemberAddedEvent", "userId");
    }

    /** The plan changes by reason (the load gives each its own): reason → tenant ids. */
    Map<String, List<String>> planChangesByReason() throws SQLException {
        return byField("io.tenantry.contracts.subscription.PlanChangedEvent", "reason");
    }

    private Map<String, List<String>> byField(String payloadType, String field) throws SQLException {
        Map<String, List<String>> found = new HashMap<>();
        try (Connection connection = postgres.connect();
                PreparedStatement query =
                        connection.prepareStatement("select convert_from(payload, 'UTF8')::jsonb ->> ?,"
                                + " convert_from(payload, 'UTF8')::jsonb ->> 'tenantId'"
                                + " from domain_event_entry where payload_type = ?")) {
            query.setString(1, field);
            query.setString(2, payloadType);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        found.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                                .add(rows.getString(2));
                    }
                }
            }
        }
        return found;
    }

    /** Every lifecycle event in the store, each tenant's in its order. */
    List<StoredEvent> lifecycleEvents() throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = postgres.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select event_identifier, aggregate_identifier, sequence_number, global_index, payload_type"
                                + " from domain_event_entry where payload_type = any (?)"
                                // a platform webhook endpoint's events (its own aggregate, ep_...) are no tenant's
                                + " and aggregate_identifier not like 'ep\\_%'"
                                + " order by aggregate_identifier, sequence_number")) {
            query.setArray(1, connection.createArrayOf("varchar", LIFECYCLE_TYPES.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getLong(3),
                            rows.getLong(4),
                            rows.getString(5).substring(rows.getString(5).lastIndexOf('.') + 1)));
                }
            }
        }
        return events;
    }
}
