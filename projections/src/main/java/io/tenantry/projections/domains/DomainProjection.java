package io.tenantry.projections.domains;

import io.tenantry.contracts.domains.TenantDomainAddedEvent;
import io.tenantry.contracts.domains.TenantDomainJoinPolicySetEvent;
import io.tenantry.contracts.domains.TenantDomainRecheckedEvent;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestDecidedEvent;
import io.tenantry.contracts.domains.TenantJoinRequestedEvent;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@link DomainDirectory} from the Tenant aggregate's domain and join events. */
@Component
@ProcessingGroup(DomainProjection.PROCESSING_GROUP)
class DomainProjection {

    static final String PROCESSING_GROUP = "tenant-domains";

    private final DomainDirectory directory;
    private final SubjectFingerprints fingerprints;

    DomainProjection(DomainDirectory directory, SubjectFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    @EventHandler
    void on(TenantDomainAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.addDomain(event.tenantId(), event.domain(), event.challenge(), event.addedBy(), at, version);
    }

    @EventHandler
    void on(TenantDomainVerifiedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.verified(event.tenantId(), event.domain(), event.method(), at, version);
    }

    @EventHandler
    void on(TenantDomainRecheckedEvent event, @SequenceNumber long version) {
        directory.rechecked(event.tenantId(), event.domain(), event.failures(), version);
    }

    @EventHandler
    void on(TenantDomainUnverifiedEvent event, @SequenceNumber long version) {
        directory.unverified(event.tenantId(), event.domain(), event.reason(), version);
    }

    @EventHandler
    void on(TenantDomainRemovedEvent event, @SequenceNumber long version) {
        directory.removeDomain(event.tenantId(), event.domain(), version);
    }

    @EventHandler
    void on(TenantDomainJoinPolicySetEvent event, @SequenceNumber long version) {
        directory.joinPolicy(event.tenantId(), event.domain(), event.policy(), event.defaultRole(), version);
    }

    @EventHandler
    void on(TenantJoinRequestedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.requested(
                event.tenantId(),
                event.requestId(),
                event.userId(),
                event.email(),
                fingerprints.ofUnlessErased(event.email()),
                event.domain(),
                event.role(),
                at,
                version);
    }

    @EventHandler
    void on(TenantJoinRequestDecidedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        directory.decided(event.requestId(), event.decision(), event.decidedBy(), at, version);
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        directory.erase(event.subjectId());
    }

    @ResetHandler
    void reset() {
        directory.deleteAll();
    }
}
