package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.apikey.ApiKeyCreatedEvent;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.apikey.CreateApiKeyCommand;
import io.tenantry.contracts.apikey.RevokeApiKeyCommand;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.entitlement.EntitlementOverrideSetEvent;
import io.tenantry.contracts.tenant.AddMemberCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API keys on the Tenant aggregate: OWNERs and ADMINs in person create and revoke them, within the plan's
 * {@code api-keys} limit counting only keys neither revoked nor expired; a key of the tenant acts as an ADMIN there,
 * and as nobody in another tenant.
 */
class TenantApiKeysTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller KEY = Caller.apiKey("key-9", ID, Set.of("members:write"));

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    @Test
    void anOwnerCreatesKeysUpToTheLimitAndARevokedOrExpiredKeyFreesItsPlace() {
        fixture.given(created(), ownerAdded(), allowKeys(2))
                .when(create("key-1", null, OWNER_CALLER))
                .expectEvents(new ApiKeyCreatedEvent(
                        ID, "key-1", "CI", List.of("members:read"), null, "tnt_abcdefgh", "00ff", OWNER));

        Instant past = fixture.currentTime().minus(Duration.ofMinutes(1));
        fixture.given(created(), ownerAdded(), allowKeys(2), keyCreated("key-1", null), keyCreated("key-2", null))
                .when(create("key-3", null, OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached"));

        fixture.given(
                        created(),
                        ownerAdded(),
                        allowKeys(2),
                        keyCreated("key-1", null),
                        keyCreated("key-2", past),
                        new ApiKeyRevokedEvent(ID, "key-1", OWNER))
                .when(create("key-3", null, OWNER_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiKeyCreatedEvent(
                        ID, "key-3", "CI", List.of("members:read"), null, "tnt_abcdefgh", "00ff", OWNER));
    }

    @Test
    void onlyOwnersAndAdminsInPersonManageKeys() {
        fixture.given(created(), ownerAdded(), allowKeys(5), added("member-1", MemberRole.MEMBER))
                .when(create("key-1", null, Caller.user("member-1")))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded(), allowKeys(5))
                .when(create("key-1", null, KEY))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_scope"));
        fixture.given(created(), ownerAdded(), allowKeys(5))
                .when(create("key-1", fixture.currentTime().minusSeconds(1), OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_expiry"));
        fixture.given(created(), ownerAdded(), allowKeys(5), new TenantDeletedEvent(ID))
                .when(create("key-1", null, OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
    }

    @Test
    void revokingTwiceChangesNothingAndAnUnknownKeyIsNotFound() {
        fixture.given(created(), ownerAdded(), allowKeys(5), keyCreated("key-1", null))
                .when(new RevokeApiKeyCommand(ID, "key-1", OWNER_CALLER))
                .expectEvents(new ApiKeyRevokedEvent(ID, "key-1", OWNER));
        fixture.given(
                        created(),
                        ownerAdded(),
                        allowKeys(5),
                        keyCreated("key-1", null),
                        new ApiKeyRevokedEvent(ID, "key-1", OWNER))
                .when(new RevokeApiKeyCommand(ID, "key-1", OWNER_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), ownerAdded())
                .when(new RevokeApiKeyCommand(ID, "key-1", OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "api_key_not_found"));
    }

    @Test
    void aKeyActsAsAnAdminOfItsTenantOnlyAndOutlivesItsCreator() {
        fixture.given(created(), ownerAdded())
                .when(new AddMemberCommand(ID, KEY, "member-2", MemberRole.MEMBER))
                .expectEvents(new MemberAddedEvent(ID, "member-2", MemberRole.MEMBER));
        fixture.given(created(), ownerAdded())
                .when(new AddMemberCommand(ID, KEY, "owner-2", MemberRole.OWNER))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(new AddMemberCommand(
                        ID, Caller.apiKey("key-9", "another-tenant", Set.of("members:write")), "m", MemberRole.MEMBER))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        fixture.given(
                        created(),
                        ownerAdded(),
                        allowKeys(5),
                        added("admin-1", MemberRole.ADMIN),
                        new ApiKeyCreatedEvent(
                                ID, "key-9", "CI", List.of("members:write"), null, "tnt_abcdefgh", "00ff", "admin-1"),
                        new MemberRemovedEvent(ID, "admin-1", false))
                .when(new AddMemberCommand(ID, KEY, "member-3", MemberRole.MEMBER))
                .expectEvents(new MemberAddedEvent(ID, "member-3", MemberRole.MEMBER));
    }

    private static CreateApiKeyCommand create(String keyId, Instant expiresAt, Caller caller) {
        return new CreateApiKeyCommand(
                ID, keyId, " CI ", List.of("members:read"), expiresAt, "tnt_abcdefgh", "00ff", caller);
    }

    private static ApiKeyCreatedEvent keyCreated(String keyId, Instant expiresAt) {
        return new ApiKeyCreatedEvent(
                ID, keyId, "CI", List.of("members:read"), expiresAt, "tnt_abcdefgh", "00ff", OWNER);
    }

    private static EntitlementOverrideSetEvent allowKeys(long keys) {
        return new EntitlementOverrideSetEvent(ID, "api-keys", EntitlementKind.LIMIT, keys, "test", "partner-1", null);
    }
}
