package io.tenantry.projections.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.apikey.ApiKeyCreatedEvent;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.domains.JoinPolicy;
import io.tenantry.contracts.domains.JoinRequestStatus;
import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainJoinPolicySetEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestDecidedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestedEvent;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.entitlement.Enforcement;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.QuotaPeriod;
import io.tenantry.contracts.entitlement.TenantEntitlementsChangedEvent;
import io.tenantry.contracts.entitlement.UsageThresholdReachedEvent;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.lifecycle.LifecycleEventTypes;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import io.tenantry.contracts.scim.ScimUserBoundEvent;
import io.tenantry.contracts.scim.ScimUserProvisionedEvent;
import io.tenantry.contracts.scim.ScimUserUpdatedEvent;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.tenant.InvitationClosedEvent;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberReactivatedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberRoleChangedEvent;
import io.tenantry.contracts.tenant.MemberSuspendedEvent;
import io.tenantry.contracts.tenant.OwnershipTransferredEvent;
import io.tenantry.contracts.tenant.TeamCreatedEvent;
import io.tenantry.contracts.tenant.TeamDeletedEvent;
import io.tenantry.contracts.tenant.TeamMemberAddedEvent;
import io.tenantry.contracts.tenant.TeamMemberRemovedEvent;
import io.tenantry.contracts.tenant.TeamMemberRoleChangedEvent;
import io.tenantry.contracts.tenant.TeamRole;
import io.tenantry.contracts.tenant.TeamUpdatedEvent;
import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
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
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.webhook.WebhookDisableReason;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointSecretRotatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointUpdatedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The mapping table against the schemas of api-contracts: every mapped type has one, and what it maps fits it. */
class LifecycleCloudEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "7d8f4b8e-1111-4c1e-9d3a-2f0e5b6a7c01";
    private static final Instant AT = Instant.parse("2026-03-01T09:15:30.120Z");

    private final LifecycleCloudEvents cloudEvents = new LifecycleCloudEvents("urn:tenantry:test");

    /** One event of each lifecycle type, with every field set (nulls where a field may be null). */
    private static final List<Object> SAMPLES = List.of(
            new TenantCreatedEvent(
                    TENANT,
                    "Acme Ltd",
                    "acme",
                    TenantTier.SILOED,
                    List.of(new TenantContact("Ann Example", "ann@acme.example", "+44 20 7946 0000", true)),
                    new TenantAddress("1 Secret Lane", null, "Springfield", null, "SP1 1AA", "GB"),
                    "Retail",
                    Map.of("theme", "dark"),
                    "lead-1",
                    null),
            new TenantUpdatedEvent(
                    TENANT,
                    "Acme Group",
                    "acme-group",
                    List.of(new TenantContact("Bob Example", "bob@acme.example", "+44 20 7946 0001", true)),
                    new TenantAddress("2 Secret Lane", null, "Shelbyville", null, "SH1 1AA", "GB"),
                    null,
                    Map.of("theme", "light")),
            new TenantDeletedEvent(TENANT),
            new TenantRestoredEvent(TENANT, "acme-group", TenantStatus.ACTIVE),
            new TenantSuspendedEvent(TENANT, "Ann Example asked us to"),
            new TenantReactivatedEvent(TENANT),
            new TenantProvisioningStartedEvent(TENANT, "context-1"),
            new TenantProvisionedEvent(TENANT),
            new TenantProvisioningFailedEvent(TENANT, "identity provider: realm Ann Example refused"),
            new TenantResourcesReadyEvent(TENANT, "context-1"),
            new TenantIdentityProviderConfiguredEvent(
                    TENANT,
                    new IdentityAccount(IdentityProviderKind.KEYCLOAK, "tenantry", "org-1", "tenant-client", "user-9")),
            new TenantDeprovisioningStartedEvent(TENANT, "context-2"),
            new TenantDeprovisionedEvent(TENANT),
            new TenantDeprovisioningFailedEvent(TENANT, "no answer from the orchestrator within PT30M"),
            new TenantPlanChangedEvent(TENANT, "free", "team"),
            new TenantEntitlementsChangedEvent(
                    TENANT,
                    "team",
                    List.of(
                            Entitlement.feature("sso", true),
                            Entitlement.limit("members", 25),
                            Entitlement.quota("api-calls", 1000, QuotaPeriod.MONTH, Enforcement.HARD, "api_calls")),
                    List.of("sso"),
                    "override-set"),
            new MemberAddedEvent(TENANT, "user-1", MemberRole.OWNER),
            new MemberRemovedEvent(TENANT, "user-2", true),
            new MemberRoleChangedEvent(TENANT, "user-3", MemberRole.MEMBER, MemberRole.ADMIN),
            new OwnershipTransferredEvent(TENANT, "user-1", "user-3"),
            new MemberSuspendedEvent(TENANT, "user-3"),
            new MemberReactivatedEvent(TENANT, "user-3"),
            new ScimUserProvisionedEvent(
                    TENANT, "scim-1", "scim:scim-1", "ann@acme.example", "okta-00u1", "Ann Example", "Ann", "Example"),
            new ScimUserUpdatedEvent(
                    TENANT, "scim-1", "scim:scim-1", "ann@acme.example", "okta-00u1", "Ann E.", "Ann", "Example"),
            new ScimUserBoundEvent(TENANT, "scim-1", "scim:scim-1", "user-9"),
            new ApiKeyCreatedEvent(
                    TENANT,
                    "key-1",
                    "CRM sync",
                    List.of("members:read", "scim"),
                    Instant.parse("2027-03-01T00:00:00Z"),
                    "tnt_AbCdEfGh",
                    "c2VjcmV0LWhhc2g",
                    "user-1"),
            new ApiKeyRevokedEvent(TENANT, "key-1", "user-1"),
            new TenantImpersonationGrantedEvent(
                    TENANT, "support-1", "user-1", "ticket 42", java.time.Instant.parse("2026-12-04T04:00:00Z")),
            new TeamCreatedEvent(TENANT, "team-1", "Platform", "Ann Example's team"),
            new TeamUpdatedEvent(TENANT, "team-1", "Platform Core", "still Ann Example's"),
            new TeamDeletedEvent(TENANT, "team-1"),
            new TeamMemberAddedEvent(TENANT, "team-1", "user-3", TeamRole.LEAD),
            new TeamMemberRemovedEvent(TENANT, "team-1", "user-3"),
            new TeamMemberRoleChangedEvent(TENANT, "team-1", "user-3", TeamRole.LEAD, TeamRole.MEMBER),
            new TenantDomainAddedEvent(TENANT, "acme.example", "tenantry-verification=abc", "user-1"),
            new TenantDomainVerifiedEvent(TENANT, "acme.example", VerificationMethod.DNS, "user-1"),
            new TenantDomainUnverifiedEvent(TENANT, "acme.example", TenantDomainUnverifiedEvent.CHECKS_FAILED),
            new TenantDomainRemovedEvent(TENANT, "acme.example", "user-1"),
            new TenantDomainJoinPolicySetEvent(TENANT, "acme.example", JoinPolicy.AUTO, MemberRole.MEMBER, "user-1"),
            new TenantJoinRequestedEvent(
                    TENANT, "request-1", "user-4", "dana@acme.example", "acme.example", MemberRole.MEMBER),
            new TenantJoinRequestDecidedEvent(
                    TENANT, "request-1", "user-4", JoinRequestStatus.APPROVED, MemberRole.MEMBER, "user-1"),
            new WebhookEndpointCreatedEvent(
                    TENANT, "ep_1", "https://hooks.acme.example/t", List.of("tenant.*"), "CRM", "user-1"),
            new WebhookEndpointUpdatedEvent(
                    TENANT, "ep_1", "https://hooks.acme.example/u", List.of("tenant.member-added"), null, "user-1"),
            new WebhookEndpointSecretRotatedEvent(TENANT, "ep_1", Instant.parse("2026-12-05T04:00:00Z"), "user-1"),
            new WebhookEndpointDisabledEvent(TENANT, "ep_1", WebhookDisableReason.FAILING, null),
            new WebhookEndpointEnabledEvent(TENANT, "ep_1", "user-1"),
            new WebhookEndpointDeletedEvent(TENANT, "ep_1", "user-1"),
            new UsageThresholdReachedEvent(
                    TENANT,
                    "api-calls",
                    80,
                    8_000_000,
                    10_000_000,
                    Instant.parse("2026-03-01T00:00:00Z"),
                    Instant.parse("2026-04-01T00:00:00Z"),
                    Enforcement.SOFT));

    @Test
    void hasASampleForEveryMappedEvent() {
        assertThat(SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("add a sample here for each new mapping")
                .isEqualTo(LifecycleCloudEvents.types().keySet());
    }

    @Test
    void everyMappedTypeHasASchemaAndEverySchemaAType() throws Exception {
        Set<String> mapped = Set.copyOf(LifecycleCloudEvents.types().values());
        assertThat(mapped)
                .as("one type per event")
                .hasSize(LifecycleCloudEvents.types().size())
                .allSatisfy(type -> assertThat(LifecycleSchemas.exists(LifecycleEventTypes.dataSchema(type)))
                        .as("schema of %s", type)
                        .isTrue());
        assertThat(schemaFiles())
                .as("no schema without its event")
                .containsExactlyInAnyOrderElementsOf(
                        mapped.stream().map(type -> type + ".schema.json").toList());
    }

    @Test
    void mapsEveryEventToACloudEventItsSchemasAccept() {
        long sequence = 0;
        for (Object sample : SAMPLES) {
            LifecycleNotice event = cloudEvents.map(message(sample, sequence)).orElseThrow();
            for (JsonNode json :
                    List.<JsonNode>of(JSON.valueToTree(event), JSON.valueToTree(event.at(100 + sequence)))) {
                assertThat(LifecycleSchemas.violations(json))
                        .as("%s as %s", sample.getClass().getSimpleName(), json)
                        .isEmpty();
            }
            assertThat(event.data().get("tenantId")).isEqualTo(TENANT);
            sequence++;
        }
    }

    @Test
    void fillsTheEnvelopeFromTheStoredEvent() {
        DomainEventMessage<?> message = message(new MemberAddedEvent(TENANT, "user-9", MemberRole.ADMIN), 4);

        LifecycleNotice event = cloudEvents.map(message).orElseThrow();

        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.id()).isEqualTo(message.getIdentifier());
        assertThat(event.source()).isEqualTo("urn:tenantry:test");
        assertThat(event.type()).isEqualTo("io.tenantry.tenant.member-added.v1");
        assertThat(event.subject()).isEqualTo(TENANT);
        assertThat(event.time()).isEqualTo("2026-03-01T09:15:30.12Z");
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.tenantversion()).isEqualTo(4);
        assertThat(event.position()).as("on Kafka: none").isNull();
        assertThat(JSON.valueToTree(event).has("position")).isFalse();
        assertThat(event.at(1234))
                .isEqualTo(new LifecycleNotice(
                        event.specversion(),
                        event.id(),
                        event.source(),
                        event.type(),
                        event.subject(),
                        event.time(),
                        event.datacontenttype(),
                        4,
                        1234L,
                        event.data()));
        assertThat(event.data())
                .containsExactly(
                        Map.entry("tenantId", TENANT), Map.entry("userId", "user-9"), Map.entry("role", "ADMIN"));
    }

    @Test
    void tellsAnEventFromOutsideTheTenantsStreamByTheTenantItNames() {
        // as the event store reads back an event published on the bus: no aggregate's
        String id = java.util.UUID.randomUUID().toString();
        org.axonframework.eventhandling.EventMessage<?> message =
                new org.axonframework.eventhandling.GenericEventMessage<>(
                        id,
                        new UsageThresholdReachedEvent(
                                TENANT,
                                "api-calls",
                                100,
                                10_000,
                                10_000,
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Instant.parse("2026-04-01T00:00:00Z"),
                                Enforcement.HARD),
                        MetaData.emptyInstance(),
                        AT);

        LifecycleNotice event = cloudEvents.map(message).orElseThrow();

        assertThat(event.type()).isEqualTo("io.tenantry.tenant.usage-threshold-reached.v1");
        assertThat(event.subject()).isEqualTo(TENANT);
        assertThat(event.tenantversion()).isZero();
        assertThat(LifecycleTopic.record("lifecycle", event).key()).isEqualTo(TENANT);
        assertThat(event.data())
                .containsEntry("percent", 100)
                .containsEntry("periodStart", "2026-03-01T00:00:00Z")
                .containsEntry("periodEnd", "2026-04-01T00:00:00Z")
                .containsEntry("enforcement", "HARD");
    }

    @Test
    void leavesPersonalDataAndFreeTextOut() throws Exception {
        StringBuilder published = new StringBuilder();
        long sequence = 0;
        for (Object sample : SAMPLES) {
            published.append(JSON.writeValueAsString(
                    cloudEvents.map(message(sample, sequence++)).orElseThrow()));
        }

        assertThat(published.toString())
                .doesNotContain(
                        "Ann Example",
                        "ann@acme.example",
                        "+44 20",
                        "Bob Example",
                        "bob@acme.example",
                        "Secret Lane",
                        "SP1 1AA",
                        "Springfield",
                        "theme",
                        "lead-1",
                        "dana@acme.example",
                        "tenantry-verification=abc");
    }

    @Test
    void writesTheTopicsRecordsWithTheSdkInTheFeedsShape() throws Exception {
        long sequence = 0;
        for (Object sample : SAMPLES) {
            LifecycleNotice notice =
                    cloudEvents.map(message(sample, sequence++)).orElseThrow();
            org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record =
                    LifecycleTopic.record("lifecycle", notice);

            assertThat(record.key()).isEqualTo(TENANT);
            assertThat(new String(
                            record.headers().lastHeader("content-type").value(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(LifecycleNotice.STRUCTURED_CONTENT_TYPE);
            com.fasterxml.jackson.databind.node.ObjectNode written =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(record.value());
            com.fasterxml.jackson.databind.node.ObjectNode feed =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(JSON.writeValueAsString(notice));
            assertThat(written).as("%s", sample).isEqualTo(feed);
            assertThat(LifecycleSchemas.violations(written)).as("%s", written).isEmpty();
        }
    }

    @Test
    void publishesAFailureAsItsReasonCodeOnly() {
        assertThat(data(new TenantProvisioningFailedEvent(TENANT, "identity provider: realm Ann Example refused")))
                .containsEntry("reason", "identity_provider_failed");
        assertThat(data(new TenantProvisioningFailedEvent(TENANT, "the orchestrator reported a failure")))
                .containsEntry("reason", "orchestrator_failed");
        assertThat(data(new TenantDeprovisioningFailedEvent(TENANT, "no answer from the orchestrator within PT30M")))
                .containsEntry("reason", "timed_out");
        assertThat(data(new TenantDeprovisioningFailedEvent(TENANT, "a text from another version")))
                .containsEntry("reason", "unknown");
    }

    private java.util.Map<String, Object> data(Object event) {
        return cloudEvents.map(message(event, 1)).orElseThrow().data();
    }

    @Test
    void ignoresEventsThatAreNoLifecycleEvents() {
        assertThat(cloudEvents.isLifecycleEvent(InvitationClosedEvent.class)).isFalse();
        assertThat(cloudEvents.isLifecycleEvent(PlanChangedEvent.class))
                .as("the tenant's own plan change is published")
                .isFalse();
        assertThat(cloudEvents.map(message(new InvitationClosedEvent(TENANT, "inv-1", InvitationStatus.REVOKED), 3)))
                .isEmpty();
    }

    private static DomainEventMessage<?> message(Object payload, long sequence) {
        return new GenericDomainEventMessage<>(
                "Tenant",
                TENANT,
                sequence,
                payload,
                MetaData.emptyInstance(),
                java.util.UUID.randomUUID().toString(),
                AT);
    }

    private static Set<String> schemaFiles() throws IOException, URISyntaxException {
        URI directory = LifecycleSchemas.class
                .getClassLoader()
                .getResource(LifecycleEventTypes.SCHEMA_DIRECTORY)
                .toURI();
        if ("jar".equals(directory.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(directory, Map.of())) {
                return names(jar.provider().getPath(directory));
            }
        }
        return names(Path.of(directory));
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .filter(name -> !name.startsWith("envelope."))
                    .collect(Collectors.toSet());
        }
    }
}
