package io.tenantry.command.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.command.AutowiredResources;
import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.idp.IdentityProviderRequest;
import io.tenantry.command.idp.IdentityProviderSetup;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.provisioning.ProvisioningRequest;
import io.tenantry.contracts.subscription.ActivateSubscriptionCommand;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.FailTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.FailTenantProvisioningCommand;
import io.tenantry.contracts.tenant.PrepareIdentityProviderCommand;
import io.tenantry.contracts.tenant.RecordIdentityProviderCommand;
import io.tenantry.contracts.tenant.StartTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantIdentityProviderConfiguredEvent;
import io.tenantry.contracts.tenant.TenantPlanChangedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantResourcesReadyEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning process: a request per attempt with a deadline; resources ready → identity provider → active →
 * subscription active; failure or timeout → failed and the subscription left alone; retries; offboarding.
 */
class ProvisioningSagaTest {

    private static final String TENANT = "t-1";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final IdentityAccount ACCOUNT =
            new IdentityAccount(IdentityProviderKind.KEYCLOAK, "tenant-t-1", null, "tenant-t-1", "user-1");
    private static final IdpSetup SETUP = new IdpSetup(
            TENANT, "acme", "Acme", TenantTier.SILOED, new IdpSetup.Admin("jane@acme.example", "Jane", "Doe"));

    private SagaTestFixture<ProvisioningSaga> fixture;
    private final List<ProvisioningRequest> published = new ArrayList<>();
    private final RecordingIdentityProvider keycloak = new RecordingIdentityProvider();
    private IdentityProviderRequest idpRequest;

    @BeforeEach
    void setUp() throws ReflectiveOperationException {
        fixture = new SagaTestFixture<>(ProvisioningSaga.class);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        fixture.setCallbackBehavior(
                (payload, metaData) -> payload instanceof PrepareIdentityProviderCommand ? idpRequest : null);
        ProvisioningRequests connector = published::add;
        fixture.registerResourceInjector(new AutowiredResources(
                commands,
                connector,
                new IdentityProviderSetup(List.of(keycloak), commands),
                deadlineManager(fixture),
                new ProvisioningSettings(true, TIMEOUT)));
    }

    /** The fixture's own (stub) deadline manager, which Spring would inject into the saga. */
    private static DeadlineManager deadlineManager(SagaTestFixture<?> fixture) throws ReflectiveOperationException {
        Field field = SagaTestFixture.class.getDeclaredField("deadlineManager");
        field.setAccessible(true);
        return (DeadlineManager) field.get(fixture);
    }

    private static TenantCreatedEvent created() {
        return new TenantCreatedEvent(
                TENANT, "Acme", "acme", TenantTier.SILOED, List.of(), null, null, Map.of(), null, "team");
    }

    @Test
    void aNewTenantIsProvisionedWithoutAnyoneAsking() {
        fixture.givenNoPriorActivity()
                .whenAggregate(TENANT)
                .publishes(created())
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(commandsOf(StartTenantProvisioningCommand.class));
    }

    @Test
    void anAttemptPublishesItsRequestAndWaitsUntilTheDeadline() {
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantPlanChangedEvent(TENANT, "team", "business"))
                .whenAggregate(TENANT)
                .publishes(new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .expectScheduledDeadlineWithName(TIMEOUT, ProvisioningSaga.TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(published).last().satisfies(request -> {
            assertThat(request.type()).isEqualTo(ProvisioningRequest.PROVISION);
            assertThat(request.tenantId()).isEqualTo(TENANT);
            assertThat(request.tier()).isEqualTo(TenantTier.SILOED);
            assertThat(request.planId()).isEqualTo("business");
            assertThat(request.contextId()).isEqualTo("ctx-1");
        });
    }

    @Test
    void resourcesReadyWithoutAnIdentityProviderActivatesTheTenant() {
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(
                        new PrepareIdentityProviderCommand(TENANT, null),
                        new CompleteTenantProvisioningCommand(TENANT));
        assertThat(keycloak.configured).isEmpty();
    }

    @Test
    void resourcesReadySetsUpTheIdentityProviderBeforeActivating() {
        idpRequest = new IdentityProviderRequest(IdentityProviderKind.KEYCLOAK, SETUP);
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .expectDispatchedCommands(
                        new PrepareIdentityProviderCommand(TENANT, null),
                        new RecordIdentityProviderCommand(TENANT, ACCOUNT),
                        new CompleteTenantProvisioningCommand(TENANT));
        assertThat(keycloak.configured).containsExactly(SETUP);
    }

    @Test
    void anIdentityProviderFailureFailsTheAttempt() {
        idpRequest = new IdentityProviderRequest(IdentityProviderKind.KEYCLOAK, SETUP);
        keycloak.failure =
                new IdentityProviderException(IdentityProviderKind.KEYCLOAK, "Keycloak is unreachable", null);
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .expectDispatchedCommands(
                        new PrepareIdentityProviderCommand(TENANT, null),
                        new FailTenantProvisioningCommand(TENANT, "identity provider: Keycloak is unreachable"));
    }

    @Test
    void anIdentityProviderThisInstallationLacksFailsTheAttempt() {
        idpRequest = new IdentityProviderRequest(IdentityProviderKind.AUTH0, SETUP);
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .expectDispatchedCommandsMatching(
                        commandsOf(PrepareIdentityProviderCommand.class, FailTenantProvisioningCommand.class));
    }

    @Test
    void anActiveTenantGetsAnActiveSubscription() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantProvisionedEvent(TENANT))
                .expectDispatchedCommands(new ActivateSubscriptionCommand(SubscriptionIds.of(TENANT)));
    }

    @Test
    void aFailureLeavesTheSubscriptionNotActive() {
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenAggregate(TENANT)
                .publishes(new TenantProvisioningFailedEvent(TENANT, "orchestrator said no"))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void noAnswerBeforeTheDeadlineFailsTheAttempt() {
        fixture.givenAggregate(TENANT)
                .published(created(), new TenantProvisioningStartedEvent(TENANT, "ctx-1"))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectDeadlinesMet(new ProvisioningTimedOut(TENANT, "ctx-1", false))
                .expectDispatchedCommands(
                        new FailTenantProvisioningCommand(TENANT, "no answer from the orchestrator within " + TIMEOUT));
    }

    @Test
    void resourcesReadyAfterTheDeadlineFailedTheAttemptAreIgnored() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantProvisioningFailedEvent(TENANT, "no answer"))
                .whenAggregate(TENANT)
                .publishes(new TenantResourcesReadyEvent(TENANT, "ctx-1"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aRetryPublishesANewRequestWithANewDeadline() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantProvisioningFailedEvent(TENANT, "no answer"))
                .whenAggregate(TENANT)
                .publishes(new TenantProvisioningStartedEvent(TENANT, "ctx-2"))
                .expectScheduledDeadlineWithName(TIMEOUT, ProvisioningSaga.TIMEOUT);
        assertThat(published).extracting(ProvisioningRequest::contextId).containsExactly("ctx-1", "ctx-2");
    }

    @Test
    void deletingAProvisionedTenantStartsRemovingItsResources() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantResourcesReadyEvent(TENANT, "ctx-1"),
                        new TenantProvisionedEvent(TENANT))
                .whenAggregate(TENANT)
                .publishes(new TenantDeletedEvent(TENANT))
                .expectDispatchedCommandsMatching(commandsOf(StartTenantDeprovisioningCommand.class));
    }

    @Test
    void deletingATenantNeverProvisionedHasNothingToRemove() {
        fixture.givenAggregate(TENANT)
                .published(created())
                .whenAggregate(TENANT)
                .publishes(new TenantDeletedEvent(TENANT))
                .expectNoDispatchedCommands();
    }

    @Test
    void offboardingRemovesTheIdentityProviderThenAsksTheOrchestrator() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantResourcesReadyEvent(TENANT, "ctx-1"),
                        new TenantIdentityProviderConfiguredEvent(TENANT, ACCOUNT),
                        new TenantProvisionedEvent(TENANT),
                        new TenantDeletedEvent(TENANT))
                .whenAggregate(TENANT)
                .publishes(new TenantDeprovisioningStartedEvent(TENANT, "off-1"))
                .expectScheduledDeadlineWithName(TIMEOUT, ProvisioningSaga.TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(keycloak.removed).containsExactly(ACCOUNT);
        assertThat(published).last().satisfies(request -> {
            assertThat(request.type()).isEqualTo(ProvisioningRequest.DEPROVISION);
            assertThat(request.contextId()).isEqualTo("off-1");
        });
    }

    @Test
    void anIdentityProviderFailureDuringOffboardingIsRecordedAndNothingElseRemoved() {
        keycloak.failure = new IdentityProviderException(IdentityProviderKind.KEYCLOAK, "Keycloak answered 500", null);
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantIdentityProviderConfiguredEvent(TENANT, ACCOUNT),
                        new TenantProvisionedEvent(TENANT),
                        new TenantDeletedEvent(TENANT))
                .whenAggregate(TENANT)
                .publishes(new TenantDeprovisioningStartedEvent(TENANT, "off-1"))
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new FailTenantDeprovisioningCommand(
                        TENANT, "off-1", "identity provider: Keycloak answered 500"));
        assertThat(published).extracting(ProvisioningRequest::type).doesNotContain(ProvisioningRequest.DEPROVISION);
    }

    @Test
    void noAnswerToOffboardingBeforeTheDeadlineIsReported() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantProvisionedEvent(TENANT),
                        new TenantDeletedEvent(TENANT),
                        new TenantDeprovisioningStartedEvent(TENANT, "off-1"))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectDispatchedCommands(new FailTenantDeprovisioningCommand(
                        TENANT, "off-1", "no answer from the orchestrator within " + TIMEOUT));
    }

    @Test
    void aTenantRestoredWithoutResourcesIsProvisionedAgain() {
        fixture.givenAggregate(TENANT)
                .published(
                        created(),
                        new TenantProvisioningStartedEvent(TENANT, "ctx-1"),
                        new TenantProvisionedEvent(TENANT),
                        new TenantDeletedEvent(TENANT),
                        new TenantDeprovisioningStartedEvent(TENANT, "off-1"),
                        new TenantDeprovisionedEvent(TENANT))
                .whenAggregate(TENANT)
                .publishes(new TenantRestoredEvent(TENANT, "acme", TenantStatus.PENDING_PROVISION))
                .expectDispatchedCommandsMatching(commandsOf(StartTenantProvisioningCommand.class));
    }

    /** Exactly these commands, by type, in this order. */
    private static Matcher<List<CommandMessage<?>>> commandsOf(Class<?>... types) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<CommandMessage<?>> messages) {
                return messages.stream()
                        .map(message -> message.getPayload().getClass())
                        .toList()
                        .equals(List.of(types));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("commands " + List.of(types));
            }
        };
    }

    /** An identity provider that records what it is asked, and fails when told to. */
    private static final class RecordingIdentityProvider implements IdentityProvider {
        final List<IdpSetup> configured = new ArrayList<>();
        final List<IdentityAccount> removed = new ArrayList<>();
        IdentityProviderException failure;

        @Override
        public IdentityProviderKind kind() {
            return IdentityProviderKind.KEYCLOAK;
        }

        @Override
        public IdentityAccount configure(IdpSetup setup) {
            if (failure != null) {
                throw failure;
            }
            configured.add(setup);
            return ACCOUNT;
        }

        @Override
        public void remove(IdpSetup setup, IdentityAccount account) {
            if (failure != null) {
                throw failure;
            }
            removed.add(account);
        }
    }
}
