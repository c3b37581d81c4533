package io.tenantry.command.invitation;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.invitation.InvitationAcceptedEvent;
import io.tenantry.contracts.invitation.InvitationCreatedEvent;
import io.tenantry.contracts.invitation.InvitationExpiredEvent;
import io.tenantry.contracts.invitation.InvitationRevokedEvent;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import io.tenantry.contracts.tenant.MemberRemovedEvent;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The addresses a tenant knows ({@code tenant_invitee}, by keyed hash): one pending invitation per address and tenant,
 * and no invitation for the address of a member who joined by one. A subscribing processor runs these handlers in the
 * inviting command's own transaction, and errors propagate: a refused invitation is not stored, nor is its seat held.
 * Two invitations of one address at once queue on its row; the first to commit wins.
 */
@Component
@ProcessingGroup(InvitationRegistry.PROCESSING_GROUP)
class InvitationRegistry {

    static final String PROCESSING_GROUP = "invitation-registry";

    private final JdbcTemplate jdbc;
    private final SubjectFingerprints fingerprints;

    InvitationRegistry(JdbcTemplate jdbc, SubjectFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(InvitationCreatedEvent event) {
        String fingerprint = fingerprints.of(event.email());
        int claimed = jdbc.update("""
                insert into tenant_invitee (tenant_id, email_fingerprint, state, invitation_id)
                values (?, ?, 'PENDING', ?) on conflict (tenant_id, email_fingerprint) do nothing
                """, event.tenantId(), fingerprint, event.invitationId());
        if (claimed == 0) {
            List<String> state = jdbc.queryForList("""
                    select state from tenant_invitee where tenant_id = ? and email_fingerprint = ?
                    """, String.class, event.tenantId(), fingerprint);
            if (state.contains("MEMBER")) {
                throw DomainRefusal.conflict("already_member", "This address belongs to a member of this tenant.");
            }
            throw DomainRefusal.conflict(
                    "invitation_pending",
                    "This address already has a pending invitation to "
                            + "this tenant; revoke it first, or let it be accepted or expire.");
        }
    }

    @EventHandler
    void on(InvitationAcceptedEvent event) {
        jdbc.update(
                "update tenant_invitee set state = 'MEMBER', user_id = ? where invitation_id = ?",
                event.userId(),
                event.invitationId());
    }

    @EventHandler
    void on(InvitationRevokedEvent event) {
        release(event.invitationId());
    }

    @EventHandler
    void on(InvitationExpiredEvent event) {
        release(event.invitationId());
    }

    /** A member who leaves or is removed may be invited again. */
    @EventHandler
    void on(MemberRemovedEvent event) {
        jdbc.update("delete from tenant_invitee where tenant_id = ? and user_id = ?", event.tenantId(), event.userId());
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("delete from tenant_invitee where email_fingerprint = ?", event.subjectId());
    }

    private void release(String invitationId) {
        jdbc.update("delete from tenant_invitee where invitation_id = ? and state = 'PENDING'", invitationId);
    }

    /** Subscribing (same thread, same transaction) and failing loudly: a refusal must undo the invitation. */
    @Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule invitationRegistryProcessing() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
