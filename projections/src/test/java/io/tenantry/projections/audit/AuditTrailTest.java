package io.tenantry.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.audit.AuditEntry;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.lead.LeadVerifiedEvent;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.tenant.InvitationClosedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** How events become audit entries: the tenant, the action, the target, who and from where; ids only. */
class AuditTrailTest {

    private static final String TENANT = "t-1";
    private static final Instant AT = Instant.parse("2026-03-01T09:15:30.120Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditTrail trail = new AuditTrail("/tenantry");

    @Test
    void anEventWithATenantIdIsAnEntryOfThatTenantWithWhoAndWhereFromItsMetadata() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.ACTOR_ID, "alice");
        metaData.put(MetaDataKeys.IMPERSONATOR_ID, "support-7");
        metaData.put(MetaDataKeys.CORRELATION_ID, "req-1");
        metaData.put(MetaDataKeys.ORIGIN_IP, "203.0.113.9");
        metaData.put(MetaDataKeys.USER_AGENT, "curl/8.5");

        AuditEntry entry = trail.entry(message(new MemberAddedEvent(TENANT, "bob", MemberRole.ADMIN), metaData), 42)
                .orElseThrow();

        assertThat(entry.tenantId()).isEqualTo(TENANT);
        assertThat(entry.position()).isEqualTo(42);
        assertThat(entry.time()).isEqualTo(AT);
        assertThat(entry.action()).isEqualTo("member-added");
        assertThat(entry.targetType()).isEqualTo("user");
        assertThat(entry.targetId()).isEqualTo("bob");
        assertThat(entry.actorId()).isEqualTo("alice");
        assertThat(entry.actorType()).isEqualTo(AuditEntry.ActorType.USER);
        assertThat(entry.impersonatorId()).isEqualTo("support-7");
        assertThat(entry.correlationId()).isEqualTo("req-1");
        assertThat(entry.originIp()).isEqualTo("203.0.113.9");
        assertThat(entry.userAgent()).isEqualTo("curl/8.5");
    }

    @Test
    void namesActionsAndTargetsFromTheLifecycleNamesOrTheClassAndTheIdsTheEventCarries() {
        assertThat(entry(new TeamMemberAddedEvent(TENANT, "team-1", "bob", TeamRole.MEMBER)))
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("team-member-added", "user", "bob");
        assertThat(entry(new TeamCreatedEvent(TENANT, "team-1", "Ops", "the ops team")))
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("team-created", "team", "team-1");
        assertThat(entry(new ApiKeyRevokedEvent(TENANT, "k-1", "alice")))
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("api-key-revoked", "api-key", "k-1");
        assertThat(entry(new InvitationClosedEvent(TENANT, "inv-1", InvitationStatus.REVOKED)))
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("invitation-closed", "invitation", "inv-1");
        assertThat(entry(new PlanChangedEvent("s-1", TENANT, "free", "team", "alice", AT, "we grew", "c-1")))
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("plan-changed", "plan", "team");
        AuditEntry suspended = entry(new TenantSuspendedEvent(TENANT, "unpaid invoices of alice@example.com"));
        assertThat(suspended)
                .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
                .containsExactly("suspended", "tenant", TENANT);
        assertThat(suspended.toString()).doesNotContain("alice@example.com").doesNotContain("unpaid");
        assertThat(suspended.actorType()).isEqualTo(AuditEntry.ActorType.SYSTEM);
    }

    @Test
    void anEventOfNoTenantIsNoEntry() {
        assertThat(trail.entry(message(new LeadVerifiedEvent("lead-1"), Map.of()), 1))
                .isEmpty();
        assertThat(trail.entry(message(new MemberAddedEvent(null, "bob", MemberRole.MEMBER), Map.of()), 1))
                .isEmpty();
    }

    @Test
    void tellsActorKinds() {
        assertThat(AuditEntry.ActorType.of("apikey:k-1")).isEqualTo(AuditEntry.ActorType.API_KEY);
        assertThat(AuditEntry.ActorType.of("system:provisioning")).isEqualTo(AuditEntry.ActorType.SYSTEM);
        assertThat(AuditEntry.ActorType.of(null)).isEqualTo(AuditEntry.ActorType.SYSTEM);
        assertThat(AuditEntry.ActorType.of("alice")).isEqualTo(AuditEntry.ActorType.USER);
    }

    @Test
    void asACloudEventAnEntryFitsItsSchema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AuditTrail.SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2020_12,
                            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(in);
        }
        for (Object sample : List.of(
                new MemberAddedEvent(TENANT, "bob", MemberRole.ADMIN),
                new TeamCreatedEvent(TENANT, "team-1", "Ops", null),
                new TenantSuspendedEvent(TENANT, "why"))) {
            LifecycleNotice notice = trail.notice(entry(sample));
            JsonNode json = JSON.valueToTree(notice);
            assertThat(schema.validate(json)).as("%s", json).isEmpty();
            assertThat(notice.type()).startsWith(AuditTrail.TYPE_PREFIX).endsWith(".v1");
            assertThat(notice.source()).isEqualTo("/tenantry/audit");
            assertThat(notice.subject()).isEqualTo(TENANT);
            assertThat(notice.time()).isEqualTo("2026-03-01T09:15:30.12Z");
        }
        // an invalid one is caught: the schema is no rubber stamp
        JsonNode bad = JSON.valueToTree(trail.notice(entry(new MemberAddedEvent(TENANT, "bob", MemberRole.ADMIN))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.path("data")).put("email", "bob@example.com");
        assertThat(schema.validate(bad)).isNotEmpty();
    }

    private AuditEntry entry(Object payload) {
        return trail.entry(message(payload, Map.of()), 7).orElseThrow();
    }

    private static GenericDomainEventMessage<?> message(Object payload, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>(
                "Tenant",
                TENANT,
                3,
                payload,
                MetaData.from(metaData),
                java.util.UUID.randomUUID().toString(),
                AT);
    }
}
