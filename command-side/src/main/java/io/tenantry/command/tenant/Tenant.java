package io.tenantry.command.tenant;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The tenant (the seeds' "organization"): decides on commands, changes state only from its events. */
@Aggregate
public class Tenant {

    @AggregateIdentifier
    private String tenantId;
    private TenantStatus status;

    protected Tenant() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Tenant(CreateTenantCommand command) {
        if (!TenantRules.isValidName(command.name())) {
            throw DomainRefusal.invalid("invalid_tenant_name",
                    "A tenant name must be 1 to " + TenantRules.NAME_MAX_LENGTH + " characters and not blank.");
        }
        if (!TenantRules.isValidSlug(command.slug())) {
            throw DomainRefusal.invalid("invalid_slug",
                    "A slug must match " + TenantRules.SLUG_REGEX + " (lower-case letters, digits and inner hyphens).");
        }
        if (command.tier() == null) {
            throw DomainRefusal.invalid("invalid_tier", "A tenant needs a tier: POOLED or SILOED.");
        }
        TenantContacts.check(command.contacts());
        apply(new TenantCreatedEvent(command.tenantId(), command.name(), command.slug(), command.tier(),
                command.contacts()));
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        this.tenantId = event.tenantId();
        this.status = TenantStatus.PENDING_PROVISION;
    }
}
