package io.tenantry.command.tenant;

import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.tenant.TenantStatus;

/**
 * The Tenant's memory of its resources: the current provisioning attempt (its context id signs the orchestrator's
 * answer) and whether the resources are built, what its identity provider holds, and the removal of a deleted
 * tenant's resources. Changed only by the Tenant's event-sourcing handlers.
 */
final class TenantProvisioning {

    /** The removal of a deleted tenant's resources. */
    enum Removal {
        NONE, IN_PROGRESS, DONE, FAILED
    }

    private String contextId;
    private boolean resourcesReady;
    private IdentityAccount identityAccount;
    private Removal removal = Removal.NONE;
    private String removalContextId;

    String contextId() {
        return contextId;
    }

    boolean resourcesReady() {
        return resourcesReady;
    }

    IdentityAccount identityAccount() {
        return identityAccount;
    }

    Removal removal() {
        return removal;
    }

    String deprovisioningContextId() {
        return removal == Removal.NONE ? null : removalContextId;
    }

    boolean removing(String attempt) {
        return removal == Removal.IN_PROGRESS && removalContextId != null && removalContextId.equals(attempt);
    }

    /**
     * A restored tenant gets its old status back while its resources were never touched; once their removal started
     * (whatever became of it) they must be built again, so it starts over at PENDING_PROVISION.
     */
    TenantStatus statusOnRestore(TenantStatus before) {
        if (removal == Removal.IN_PROGRESS) {
            throw io.tenantry.contracts.DomainRefusal.conflict("deprovisioning_in_progress",
                    "The tenant's resources are being removed; restore it once that has ended.");
        }
        return removal == Removal.NONE ? before : TenantStatus.PENDING_PROVISION;
    }

    void started(String attempt) {
        contextId = attempt;
        resourcesReady = false;
    }

    void resourcesBuilt() {
        resourcesReady = true;
    }

    void identityAccount(IdentityAccount account) {
        identityAccount = account;
    }

    void removalStarted(String attempt) {
        removal = Removal.IN_PROGRESS;
        removalContextId = attempt;
    }

    void removed() {
        removal = Removal.DONE;
        identityAccount = null;
        resourcesReady = false;
    }

    void removalFailed() {
        removal = Removal.FAILED;
    }

    void restored(TenantStatus status) {
        if (status == TenantStatus.PENDING_PROVISION) {
            contextId = null;
            resourcesReady = false;
        }
        removal = Removal.NONE;
        removalContextId = null;
    }
}
