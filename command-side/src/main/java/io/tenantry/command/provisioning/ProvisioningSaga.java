package io.tenantry.command.provisioning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.idp.IdentityProviderSetup;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.provisioning.ProvisioningRequest;
import io.tenantry.contracts.subscription.ActivateSubscriptionCommand;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.FailTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.FailTenantProvisioningCommand;
import io.tenantry.contracts.tenant.ProvisioningFailure;
import io.tenantry.contracts.tenant.StartTenantDeprovisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisionedEvent;
import io.tenantry.contracts.tenant.TenantDeprovisioningFailedEvent;
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
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant's resources over its life (onboarding): once created (or restored without resources) the tenant
 * is provisioned; each attempt publishes a request for the orchestrator and waits for its signed answer until a
 * deadline. Resources built: the identity provider is set up, then the tenant is activated, then its subscription.
 * A failure, a refusal by the identity provider or the deadline marks the attempt failed and leaves the subscription
 * not active; {@code POST /api/tenants/{id}/provision} retries. Deleting the tenant removes its identity-provider
 * set-up and asks the orchestrator to remove its resources, again with a deadline; a failure is recorded on the
 * tenant, which stays restorable.
 *
 * <p>Every step is safe to run twice: context ids derive from the event that asked for the attempt, requests carry
 * them, identity providers reuse what exists, and the tenant ignores a repeated command. A step whose command the
 * tenant refuses because it moved on meanwhile (deleted while provisioning, say) is skipped; a step that fails for
 * any other reason (Kafka down) throws, and the event processor runs it again.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProvisioningSaga {

    static final String ASSOCIATION = "tenantId";
    static final String TIMEOUT = "provisioning-timeout";
    private static final Logger log = LoggerFactory.getLogger(ProvisioningSaga.class);

    /** Where the tenant's resources stand, as far as this process knows. */
    enum Phase {
        NOT_REQUESTED,
        PROVISIONING,
        ACTIVE,
        FAILED,
        DEPROVISIONING,
        DEPROVISIONED,
        DEPROVISION_FAILED
    }

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient ProvisioningRequests requests;

    @Autowired
    private transient IdentityProviderSetup identityProviders;

    @Autowired
    private transient DeadlineManager deadlines;

    @Autowired
    private transient ProvisioningSettings settings;

    private String tenantId;
    private String slug;
    private TenantTier tier;
    private String planId;
    private Phase phase = Phase.NOT_REQUESTED;
    private String contextId;
    private String deadlineId;
    private IdentityAccount identityAccount;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantCreatedEvent event, @MessageIdentifier String eventId) {
        tenantId = event.tenantId();
        slug = event.slug();
        tier = event.tier();
        planId = event.planId();
        if (settings.autoStart()) {
            send(new StartTenantProvisioningCommand(tenantId, attemptFor(eventId)));
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantUpdatedEvent event) {
        slug = event.slug();
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantPlanChangedEvent event) {
        planId = event.toPlanId();
    }

    /** An attempt (the first, or a retry): the request goes out, and the orchestrator has until the deadline. */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantProvisioningStartedEvent event, @Timestamp Instant at) {
        phase = Phase.PROVISIONING;
        contextId = event.contextId();
        requests.publish(
                new ProvisioningRequest(ProvisioningRequest.PROVISION, tenantId, slug, tier, planId, contextId, at));
        await(false);
    }

    /** Resources built: the identity provider (if the tenant uses one) is set up before the tenant is active. */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantResourcesReadyEvent event) {
        if (phase != Phase.PROVISIONING || !event.contextId().equals(contextId)) {
            return; // this attempt already failed (its deadline came first); a retry starts a new one
        }
        cancelDeadline();
        try {
            identityProviders.configure(tenantId, null);
        } catch (IdentityProviderException | DomainRefusal e) {
            send(new FailTenantProvisioningCommand(
                    tenantId, ProvisioningFailure.identityProviderFailed(e.getMessage())));
            return;
        } catch (CommandExecutionException e) {
            if (refusal(e) == null) {
                throw e;
            }
            send(new FailTenantProvisioningCommand(
                    tenantId,
                    ProvisioningFailure.identityProviderFailed(refusal(e).getMessage())));
            return;
        }
        send(new CompleteTenantProvisioningCommand(tenantId));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantIdentityProviderConfiguredEvent event) {
        identityAccount = event.account();
    }

    /** The tenant is active: so is its subscription (never before). */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantProvisionedEvent event) {
        cancelDeadline();
        phase = Phase.ACTIVE;
        commands.sendAndWait(new ActivateSubscriptionCommand(SubscriptionIds.of(tenantId)));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantProvisioningFailedEvent event) {
        cancelDeadline();
        phase = Phase.FAILED;
        log.warn("Provisioning of tenant {} failed: {}", tenantId, event.reason());
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDeletedEvent event, @MessageIdentifier String eventId) {
        cancelDeadline();
        if (phase == Phase.NOT_REQUESTED) {
            return; // nothing was ever built for it
        }
        send(new StartTenantDeprovisioningCommand(tenantId, attemptFor(eventId)));
    }

    /** Offboarding: the identity provider's set-up goes first, then the orchestrator is asked to remove the rest. */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDeprovisioningStartedEvent event, @Timestamp Instant at) {
        phase = Phase.DEPROVISIONING;
        contextId = event.contextId();
        if (identityAccount != null) {
            try {
                identityProviders.remove(tenantId, tier, identityAccount);
            } catch (IdentityProviderException | DomainRefusal e) {
                send(new FailTenantDeprovisioningCommand(
                        tenantId, contextId, ProvisioningFailure.identityProviderFailed(e.getMessage())));
                return;
            }
        }
        requests.publish(
                new ProvisioningRequest(ProvisioningRequest.DEPROVISION, tenantId, slug, tier, planId, contextId, at));
        await(true);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDeprovisionedEvent event) {
        cancelDeadline();
        phase = Phase.DEPROVISIONED;
        identityAccount = null;
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDeprovisioningFailedEvent event) {
        cancelDeadline();
        phase = Phase.DEPROVISION_FAILED;
        log.warn("Removing the resources of deleted tenant {} failed: {}", tenantId, event.reason());
    }

    /**
     * Restored without resources (they were removed, or removing them began): provisioned again. Restored before
     * anything was removed: as it was.
     */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantRestoredEvent event, @MessageIdentifier String eventId) {
        cancelDeadline();
        if (event.status() == TenantStatus.PROVISIONING && phase == Phase.PROVISIONING) {
            await(false); // restored before its resources were touched, mid-attempt: the attempt goes on
            return;
        }
        if (event.status() != TenantStatus.PENDING_PROVISION) {
            return;
        }
        phase = Phase.NOT_REQUESTED;
        if (settings.autoStart()) {
            send(new StartTenantProvisioningCommand(tenantId, attemptFor(eventId)));
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void on(ProvisioningTimedOut due) {
        deadlineId = null;
        if (!due.contextId().equals(contextId)) {
            return;
        }
        String reason = ProvisioningFailure.timedOut(settings.timeout());
        if (due.deprovisioning() && phase == Phase.DEPROVISIONING) {
            send(new FailTenantDeprovisioningCommand(tenantId, contextId, reason));
        } else if (!due.deprovisioning() && phase == Phase.PROVISIONING) {
            send(new FailTenantProvisioningCommand(tenantId, reason));
        }
    }

    private void await(boolean deprovisioning) {
        cancelDeadline();
        deadlineId = deadlines.schedule(
                settings.timeout(), TIMEOUT, new ProvisioningTimedOut(tenantId, contextId, deprovisioning));
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlines.cancelSchedule(TIMEOUT, deadlineId);
            deadlineId = null;
        }
    }

    /** The same event always names the same attempt, so running its step again repeats, not duplicates, it. */
    private static String attemptFor(String eventId) {
        return UUID.nameUUIDFromBytes(("provisioning:" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Sends a command the tenant may refuse because it moved on meanwhile: then there is nothing left to do. */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (DomainRefusal e) {
            log.info("Tenant {} refused {}: {}", tenantId, command.getClass().getSimpleName(), e.getMessage());
        } catch (CommandExecutionException e) {
            DomainRefusal refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            log.info("Tenant {} refused {}: {}", tenantId, command.getClass().getSimpleName(), refusal.getMessage());
        }
    }

    private static DomainRefusal refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DomainRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
