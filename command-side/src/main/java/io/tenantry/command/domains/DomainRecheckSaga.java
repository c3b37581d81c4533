package io.tenantry.command.domains;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.domains.DomainStatus;
import io.tenantry.contracts.domains.TenantDomainRemovedEvent;
import io.tenantry.contracts.domains.TenantDomainUnverifiedEvent;
import io.tenantry.contracts.domains.TenantDomainVerifiedEvent;
import io.tenantry.contracts.domains.TenantDomainView;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps a verified domain verified: from its verification on, a deadline every {@code tenantry.domains.reverify-interval}
 * (after a failed check, every {@code reverify-retry}) looks for its challenge again by the method that verified it
 * ({@link DomainVerification#recheck}, network I/O here and not in the aggregate) and records the outcome with a
 * command; the tenant counts the failures and unverifies the domain after {@code reverify-max-failures} in a row. Ends
 * when the domain is unverified or removed (a tenant's deletion unverifies its domains). Deadlines are db-scheduler
 * tasks: they survive restarts and fire on one node.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class DomainRecheckSaga {

    static final String ASSOCIATION = "domainKey";
    static final String RECHECK = "domain-recheck";
    private static final Logger log = LoggerFactory.getLogger(DomainRecheckSaga.class);

    @Autowired
    private transient DomainVerification verification;

    @Autowired
    private transient DeadlineManager deadlines;

    @Autowired
    private transient DomainSettings settings;

    private String tenantId;
    private String domain;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDomainVerifiedEvent event, @Timestamp Instant at) {
        tenantId = event.tenantId();
        domain = event.domain();
        schedule(at.plus(settings.reverifyInterval()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDomainUnverifiedEvent event) {
        cancel();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TenantDomainRemovedEvent event) {
        cancel();
    }

    @DeadlineHandler(deadlineName = RECHECK)
    void on(DomainRecheckDue due) {
        deadlineId = null;
        TenantDomainView checked;
        try {
            checked = verification.recheck(due.tenantId(), due.domain());
        } catch (DomainRefusal refusal) {
            stop(refusal);
            return;
        } catch (CommandExecutionException failure) {
            DomainRefusal refusal = refusal(failure);
            if (refusal == null) {
                throw failure;
            }
            stop(refusal);
            return;
        }
        if (checked.status() == DomainStatus.VERIFIED) {
            schedule(Instant.now().plus(settings.nextCheckAfter(checked.failures())));
        } else {
            SagaLifecycle.end();
        }
    }

    private void schedule(Instant at) {
        cancel();
        deadlineId = deadlines.schedule(at, RECHECK, new DomainRecheckDue(tenantId, domain));
    }

    private void cancel() {
        if (deadlineId != null) {
            deadlines.cancelSchedule(RECHECK, deadlineId);
            deadlineId = null;
        }
    }

    /** The tenant no longer has the domain, or is gone: nothing left to check. */
    private void stop(DomainRefusal refusal) {
        log.info("Stopped re-verifying {} of tenant {}: {}", domain, tenantId, refusal.getMessage());
        SagaLifecycle.end();
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
