package io.tenantry.command.lead;

import static io.tenantry.contracts.lead.LeadStatus.CONVERTED;
import static io.tenantry.contracts.lead.LeadStatus.EXPIRED;
import static io.tenantry.contracts.lead.LeadStatus.LOCKED;
import static io.tenantry.contracts.lead.LeadStatus.NEW;
import static io.tenantry.contracts.lead.LeadStatus.VERIFIED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.command.secret.OneTimeSecrets;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.lead.ConvertLeadCommand;
import io.tenantry.contracts.lead.CreateLeadCommand;
import io.tenantry.contracts.lead.LeadContact;
import io.tenantry.contracts.lead.LeadConvertedEvent;
import io.tenantry.contracts.lead.LeadCreatedEvent;
import io.tenantry.contracts.lead.LeadExpiredEvent;
import io.tenantry.contracts.lead.LeadLockedEvent;
import io.tenantry.contracts.lead.LeadStatus;
import io.tenantry.contracts.lead.LeadVerificationCodeIssuedEvent;
import io.tenantry.contracts.lead.LeadVerificationFailedEvent;
import io.tenantry.contracts.lead.LeadVerifiedEvent;
import io.tenantry.contracts.lead.ResendLeadVerificationCommand;
import io.tenantry.contracts.lead.VerificationOutcome;
import io.tenantry.contracts.lead.VerifyLeadCommand;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A prospective customer: proves its e-mail address with a one-time code (kept only as a hash), within a deadline
 * and a number of tries, then becomes exactly one tenant.
 */
@Aggregate
public class Lead {

    static final String EXPIRY_DEADLINE = "lead-verification-expiry";

    @AggregateIdentifier
    private String leadId;

    private LeadStatus status;
    private String name;
    private String email;
    private String companyName;
    private String codeHash;
    private Instant codeExpiresAt;
    private int failedAttempts;

    protected Lead() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(CreateLeadCommand command, DeadlineManager deadlines) {
        LeadRules.check(command);
        apply(new LeadCreatedEvent(
                command.leadId(),
                command.name().trim(),
                command.email().trim(),
                command.companyName().trim(),
                command.address(),
                command.codeHash(),
                command.codeExpiresAt()));
        deadlines.schedule(command.codeExpiresAt(), EXPIRY_DEADLINE, new LeadExpiryDue(command.codeExpiresAt()));
        return command.leadId();
    }

    @CommandHandler
    public VerificationOutcome handle(VerifyLeadCommand command, LeadPolicy policy) {
        requireOpen("verified");
        if (status == LOCKED) {
            return new VerificationOutcome(VerificationOutcome.Result.LOCKED, 0);
        }
        if (codeHash != null && command.now().isAfter(codeExpiresAt)) {
            return new VerificationOutcome(
                    VerificationOutcome.Result.CODE_EXPIRED, policy.maxAttempts() - failedAttempts);
        }
        if (!OneTimeSecrets.sameHash(codeHash, command.codeHash())) {
            apply(new LeadVerificationFailedEvent(leadId, failedAttempts + 1));
            if (failedAttempts >= policy.maxAttempts()) {
                apply(new LeadLockedEvent(leadId));
                return new VerificationOutcome(VerificationOutcome.Result.LOCKED, 0);
            }
            return new VerificationOutcome(
                    VerificationOutcome.Result.WRONG_CODE, policy.maxAttempts() - failedAttempts);
        }
        apply(new LeadVerifiedEvent(leadId));
        return new VerificationOutcome(VerificationOutcome.Result.VERIFIED, policy.maxAttempts());
    }

    /** Replaces the code; answers whom to mail the new one to. */
    @CommandHandler
    public LeadContact handle(ResendLeadVerificationCommand command, DeadlineManager deadlines) {
        requireOpen("sent a new code");
        if (status == LOCKED) {
            throw DomainRefusal.conflict(
                    "lead_locked", "This lead is locked after too many wrong codes; register again to start over.");
        }
        apply(new LeadVerificationCodeIssuedEvent(leadId, command.codeHash(), command.codeExpiresAt()));
        if (status == NEW) {
            deadlines.schedule(command.codeExpiresAt(), EXPIRY_DEADLINE, new LeadExpiryDue(command.codeExpiresAt()));
        }
        return new LeadContact(name, email, companyName);
    }

    @CommandHandler
    public LeadContact handle(ConvertLeadCommand command) {
        if (status == CONVERTED) {
            throw DomainRefusal.conflict("lead_already_converted", "This lead already became a tenant.");
        }
        if (status != VERIFIED) {
            throw DomainRefusal.conflict(
                    "lead_not_verified", "Only a verified lead becomes a tenant; this one is " + status + ".");
        }
        apply(new LeadConvertedEvent(leadId, command.tenantId()));
        return new LeadContact(name, email, companyName);
    }

    /**
     * The code was not verified in time: a lead still NEW for this expiry expires; a superseded deadline does nothing.
     */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void on(LeadExpiryDue due) {
        if (status == NEW && due.codeExpiresAt().equals(codeExpiresAt)) {
            apply(new LeadExpiredEvent(leadId));
        }
    }

    private void requireOpen(String action) {
        if (status == EXPIRED) {
            throw DomainRefusal.conflict("lead_expired", "This lead expired before it was verified; register again.");
        }
        if (status == CONVERTED) {
            throw DomainRefusal.conflict(
                    "lead_already_converted", "This lead already became a tenant; it cannot be " + action + ".");
        }
    }

    @EventSourcingHandler
    void on(LeadCreatedEvent event) {
        leadId = event.leadId();
        status = NEW;
        name = event.name();
        email = event.email();
        companyName = event.companyName();
        codeHash = event.codeHash();
        codeExpiresAt = event.codeExpiresAt();
    }

    @EventSourcingHandler
    void on(LeadVerificationCodeIssuedEvent event) {
        codeHash = event.codeHash();
        codeExpiresAt = event.codeExpiresAt();
        failedAttempts = 0;
    }

    @EventSourcingHandler
    void on(LeadVerificationFailedEvent event) {
        failedAttempts = event.failedAttempts();
    }

    @EventSourcingHandler
    void on(LeadLockedEvent event) {
        status = LOCKED;
    }

    @EventSourcingHandler
    void on(LeadVerifiedEvent event) {
        status = VERIFIED;
        codeHash = null;
        failedAttempts = 0;
    }

    @EventSourcingHandler
    void on(LeadExpiredEvent event) {
        status = EXPIRED;
        codeHash = null;
    }

    @EventSourcingHandler
    void on(LeadConvertedEvent event) {
        status = CONVERTED;
    }
}
