package io.tenantry.command.subscription;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.CancelSubscriptionCommand;
import io.tenantry.contracts.subscription.LinkBillingCommand;
import io.tenantry.contracts.subscription.PlanChangedEvent;
import io.tenantry.contracts.subscription.StartSubscriptionCommand;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant's subscription over its life: started on the tenant's plan when the tenant is created, its billing moved
 * along with each plan change, canceled when the tenant is deleted, started again when it is restored. Each step
 * calls the biller first (idempotently) and then records the outcome with an idempotent command, so a step that
 * fails half-way is simply run again by its event processor.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class SubscriptionSaga {

    static final String ASSOCIATION = "tenantId";

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient BillingGateway billingGateway;

    @Autowired
    private transient PlanCatalogue plans;

    private String tenantId;
    private String tenantName;
    private String planId;
    private BillingLink billing;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantCreatedEvent event, @MessageIdentifier String eventId) {
        tenantId = event.tenantId();
        tenantName = event.name();
        start(plans.planOrDefault(event.planId()), null, eventId);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantUpdatedEvent event) {
        tenantName = event.name();
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PlanChangedEvent event, @MessageIdentifier String eventId) {
        planId = event.toPlanId();
        BillingLink moved =
                billingGateway.changePlan(tenantId, tenantName, billing, plans.planOrDefault(planId), eventId);
        if (!moved.equals(billing)) {
            billing = moved;
            commands.sendAndWait(new LinkBillingCommand(SubscriptionIds.of(tenantId), moved));
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDeletedEvent event, @MessageIdentifier String eventId) {
        billingGateway.cancel(tenantId, billing, eventId);
        billing = BillingLink.local(billing == null ? null : billing.customerId());
        commands.sendAndWait(new CancelSubscriptionCommand(SubscriptionIds.of(tenantId), "tenant deleted"));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantRestoredEvent event, @MessageIdentifier String eventId) {
        start(plans.planOrDefault(planId), billing == null ? null : billing.customerId(), eventId);
    }

    private void start(Plan plan, String knownCustomerId, String operationKey) {
        planId = plan.id();
        billing = billingGateway.start(tenantId, tenantName, plan, knownCustomerId, operationKey);
        commands.sendAndWait(new StartSubscriptionCommand(SubscriptionIds.of(tenantId), tenantId, planId, billing));
    }
}
