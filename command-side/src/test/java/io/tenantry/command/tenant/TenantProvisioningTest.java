package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.command.idp.IdentityProviderRequest;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.command.provisioning.ProvisioningSignatures;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.CompleteTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.FailTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.PrepareIdentityProviderCommand;
import io.tenantry.contracts.tenant.ProvisioningOutcome;
import io.tenantry.contracts.tenant.ReceiveProvisioningCallbackCommand;
import io.tenantry.contracts.tenant.RecordIdentityProviderCommand;
import io.tenantry.contracts.tenant.RestoreTenantCommand;
import io.tenantry.contracts.tenant.StartTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantIdentityProviderConfiguredEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tenant believes the orchestrator only with a signature of its current attempt, applies each answer once, never
 * moves backwards on a late or contradicting one, and keeps track of its resources' removal once deleted.
 */
class TenantProvisioningTest {

    private static final String SECRET = "webhook-secret";
    private static final ProvisioningSignatures SIGNATURES = new ProvisioningSignatures(SECRET);
    private static final String SUCCESS = "{\"status\":\"success\",\"initiatorId\":\"" + ID + "\",\"type\":0}";
    private static final String FAILURE = "{\"status\":\"failure\",\"initiatorId\":\"" + ID + "\",\"type\":0}";
    private static final String REMOVED = "{\"status\":\"success\",\"initiatorId\":\"" + ID + "\",\"type\":1}";
    private static final String NOT_REMOVED = "{\"status\":\"failure\",\"initiatorId\":\"" + ID + "\",\"type\":1}";
    private static final String AT = "1795000000000";
    private static final IdentityAccount ACCOUNT =
            new IdentityAccount(IdentityProviderKind.KEYCLOAK, "tenantry", "org-1", "tenant-1-client", "user-1");

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
        fixture.registerInjectableResource(SIGNATURES);
    }

    private static Object[] events(Object... more) {
        List<Object> all = new ArrayList<>(List.of(created(), ownerAdded()));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static ReceiveProvisioningCallbackCommand callback(String payload, String contextId) {
        boolean deprovisioning = payload.contains("\"type\":1");
        return new ReceiveProvisioningCallbackCommand(
                ID, deprovisioning, payload.contains("success"), payload, SIGNATURES.sign(payload, contextId, AT), AT);
    }

    @Nested
    class Callbacks {

        @Test
        void aSignedSuccessMeansTheResourcesAreReady() {
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectEvents(new TenantResourcesReadyEvent(ID, "ctx-1"))
                    .expectResultMessagePayload(new ProvisioningOutcome(ID, true, TenantStatus.PROVISIONING));
        }

        @Test
        void aSignedFailureFailsTheAttempt() {
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(callback(FAILURE, "ctx-1"))
                    .expectEvents(new TenantProvisioningFailedEvent(ID, "the orchestrator reported a failure"));
        }

        @Test
        void aSignatureOfAnotherAttemptIsRefused() {
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantProvisioningFailedEvent(ID, "timeout"),
                            new TenantProvisioningStartedEvent(ID, "ctx-2")))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void aTamperedBodyIsRefused() {
            String signature = SIGNATURES.sign(FAILURE, "ctx-1", AT);
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(new ReceiveProvisioningCallbackCommand(ID, false, true, SUCCESS, signature, AT))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void aSignatureByAnotherSecretIsRefused() {
            String signature = new ProvisioningSignatures("other").sign(SUCCESS, "ctx-1", AT);
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(new ReceiveProvisioningCallbackCommand(ID, false, true, SUCCESS, signature, AT))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void nothingToSignForBeforeAnyAttempt() {
            fixture.given(events())
                    .when(callback(SUCCESS, "null"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void aRepeatedSuccessChangesNothing() {
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantResourcesReadyEvent(ID, "ctx-1")))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ProvisioningOutcome(ID, false, TenantStatus.PROVISIONING));
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantResourcesReadyEvent(ID, "ctx-1"),
                            new TenantProvisionedEvent(ID)))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ProvisioningOutcome(ID, false, TenantStatus.ACTIVE));
        }

        @Test
        void aLateSuccessDoesNotReviveAFailedAttempt() {
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantProvisioningFailedEvent(ID, "no answer")))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "provisioning_not_in_progress"));
        }

        @Test
        void aLateFailureDoesNotUndoAnActiveTenant() {
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantResourcesReadyEvent(ID, "ctx-1"),
                            new TenantProvisionedEvent(ID)))
                    .when(callback(FAILURE, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "provisioning_not_in_progress"));
        }

        @Test
        void aDeletedTenantIsNotFoundForProvisioning() {
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1"), new TenantDeletedEvent(ID)))
                    .when(callback(SUCCESS, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }
    }

    @Nested
    class Offboarding {

        private Object[] removing() {
            return events(
                    new TenantProvisioningStartedEvent(ID, "ctx-1"),
                    new TenantResourcesReadyEvent(ID, "ctx-1"),
                    new TenantProvisionedEvent(ID),
                    new TenantDeletedEvent(ID),
                    new TenantDeprovisioningStartedEvent(ID, "off-1"));
        }

        @Test
        void startsOnlyForADeletedTenantAndOnce() {
            fixture.given(events(new TenantDeletedEvent(ID)))
                    .when(new StartTenantDeprovisioningCommand(ID, "off-1"))
                    .expectEvents(new TenantDeprovisioningStartedEvent(ID, "off-1"));
            fixture.given(removing())
                    .when(new StartTenantDeprovisioningCommand(ID, "off-2"))
                    .expectNoEvents();
            fixture.given(events())
                    .when(new StartTenantDeprovisioningCommand(ID, "off-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "tenant_not_deleted"));
        }

        @Test
        void aSignedAnswerEndsIt() {
            fixture.given(removing()).when(callback(REMOVED, "off-1")).expectEvents(new TenantDeprovisionedEvent(ID));
            fixture.given(removing())
                    .when(callback(NOT_REMOVED, "off-1"))
                    .expectEvents(new TenantDeprovisioningFailedEvent(ID, "the orchestrator reported a failure"));
        }

        @Test
        void theProvisioningAttemptsSignatureDoesNotCount() {
            fixture.given(removing())
                    .when(callback(REMOVED, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void aLiveTenantHasNothingToRemove() {
            fixture.given(events(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(callback(REMOVED, "ctx-1"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.UNAUTHORIZED, "invalid_signature"));
        }

        @Test
        void completesAndFailsOnlyItsOwnAttempt() {
            fixture.given(removing())
                    .when(new CompleteTenantDeprovisioningCommand(ID, "off-1"))
                    .expectEvents(new TenantDeprovisionedEvent(ID));
            fixture.given(removing())
                    .when(new FailTenantDeprovisioningCommand(ID, "off-other", "late"))
                    .expectNoEvents();
            fixture.given(append(removing(), new TenantDeprovisionedEvent(ID)))
                    .when(new FailTenantDeprovisioningCommand(ID, "off-1", "late"))
                    .expectNoEvents();
        }

        @Test
        void restoringWhileRemovingIsRefused() {
            fixture.given(removing())
                    .when(new RestoreTenantCommand(ID))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "deprovisioning_in_progress"));
        }

        @Test
        void aTenantRestoredAfterItsResourcesWentIsProvisionedAgain() {
            fixture.given(append(removing(), new TenantDeprovisionedEvent(ID)))
                    .when(new RestoreTenantCommand(ID))
                    .expectEvents(new TenantRestoredEvent(ID, "acme", TenantStatus.PENDING_PROVISION));
            fixture.given(append(removing(), new TenantDeprovisioningFailedEvent(ID, "orchestrator down")))
                    .when(new RestoreTenantCommand(ID))
                    .expectEvents(new TenantRestoredEvent(ID, "acme", TenantStatus.PENDING_PROVISION));
        }

        @Test
        void aTenantRestoredBeforeAnythingWasRemovedIsAsItWas() {
            fixture.given(events(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantProvisionedEvent(ID),
                            new TenantDeletedEvent(ID)))
                    .when(new RestoreTenantCommand(ID))
                    .expectEvents(new TenantRestoredEvent(ID, "acme", TenantStatus.ACTIVE));
        }

        private Object[] append(Object[] given, Object... more) {
            List<Object> all = new ArrayList<>(List.of(given));
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    @Nested
    class IdentityProvider {

        @Test
        void preparesTheSetUpWithThePrimaryContactAsAdmin() {
            fixture.given(events())
                    .when(new PrepareIdentityProviderCommand(ID, IdentityProviderKind.AUTH0))
                    .expectNoEvents()
                    .expectResultMessagePayload(new IdentityProviderRequest(
                            IdentityProviderKind.AUTH0,
                            new IdpSetup(
                                    ID,
                                    "acme",
                                    "Acme Corp",
                                    TenantTier.POOLED,
                                    new IdpSetup.Admin("jane@acme.example", "Jane", "Doe"))));
        }

        @Test
        void usesTheTenantsSettingWhenNoneIsAskedFor() {
            TenantCreatedEvent withSetting = new TenantCreatedEvent(
                    ID,
                    "Acme Corp",
                    "acme",
                    TenantTier.SILOED,
                    List.of(TenantFixtures.JANE),
                    null,
                    null,
                    Map.of("identityProvider", "keycloak"),
                    null,
                    "free");
            fixture.given(withSetting, ownerAdded())
                    .when(new PrepareIdentityProviderCommand(ID, null))
                    .expectResultMessagePayload(new IdentityProviderRequest(
                            IdentityProviderKind.KEYCLOAK,
                            new IdpSetup(
                                    ID,
                                    "acme",
                                    "Acme Corp",
                                    TenantTier.SILOED,
                                    new IdpSetup.Admin("jane@acme.example", "Jane", "Doe"))));
            fixture.given(events())
                    .when(new PrepareIdentityProviderCommand(ID, null))
                    .expectResultMessagePayload(null);
        }

        @Test
        void needsAContactToMakeAdmin() {
            TenantCreatedEvent noContacts = new TenantCreatedEvent(
                    ID, "Acme Corp", "acme", TenantTier.POOLED, List.of(), null, null, Map.of(), null, "free");
            fixture.given(noContacts, ownerAdded())
                    .when(new PrepareIdentityProviderCommand(ID, IdentityProviderKind.KEYCLOAK))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "idp_admin_missing"));
        }

        @Test
        void recordsTheAccountOnce() {
            fixture.given(events())
                    .when(new RecordIdentityProviderCommand(ID, ACCOUNT))
                    .expectEvents(new TenantIdentityProviderConfiguredEvent(ID, ACCOUNT));
            fixture.given(events(new TenantIdentityProviderConfiguredEvent(ID, ACCOUNT)))
                    .when(new RecordIdentityProviderCommand(ID, ACCOUNT))
                    .expectNoEvents();
        }

        @Test
        void notForADeletedTenant() {
            fixture.given(events(new TenantDeletedEvent(ID)))
                    .when(new PrepareIdentityProviderCommand(ID, IdentityProviderKind.KEYCLOAK))
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }
    }
}
