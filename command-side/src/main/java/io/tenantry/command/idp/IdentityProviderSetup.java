package io.tenantry.command.idp;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.PrepareIdentityProviderCommand;
import io.tenantry.contracts.tenant.RecordIdentityProviderCommand;
import io.tenantry.contracts.tenant.TenantTier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sets a tenant up in its identity provider and records what was made there: asks the tenant what is needed (its
 * admin is its primary contact), calls the provider (idempotent), then records the account with an idempotent command.
 * Used by the provisioning saga once the resources are built and by {@code POST /api/tenants/{id}/idp}.
 */
@Component
public class IdentityProviderSetup {

    private final Map<IdentityProviderKind, IdentityProvider> providers = new EnumMap<>(IdentityProviderKind.class);
    private final CommandGateway commands;

    @Autowired
    IdentityProviderSetup(ObjectProvider<IdentityProvider> providers, CommandGateway commands) {
        this(providers.orderedStream().toList(), commands);
    }

    public IdentityProviderSetup(List<IdentityProvider> providers, CommandGateway commands) {
        providers.forEach(provider -> this.providers.put(provider.kind(), provider));
        this.commands = commands;
    }

    /**
     * Sets the tenant up in {@code requested}, or in the provider its settings name ({@code identityProvider});
     * empty when it names none.
     *
     * @throws DomainRefusal              409 {@code idp_not_configured} for a provider this installation has no
     *                                    connection to, 409 {@code idp_admin_missing} for a tenant without a contact
     * @throws IdentityProviderException when the provider fails
     */
    public Optional<IdentityAccount> configure(String tenantId, IdentityProviderKind requested) {
        IdentityProviderRequest request = commands.sendAndWait(new PrepareIdentityProviderCommand(tenantId, requested));
        if (request == null) {
            return Optional.empty();
        }
        IdentityAccount account = provider(request.provider()).configure(request.setup());
        commands.sendAndWait(new RecordIdentityProviderCommand(tenantId, account));
        return Optional.of(account);
    }

    /** Removes what the tenant's identity provider holds for it (a deleted tenant: only its id and tier are known). */
    public void remove(String tenantId, TenantTier tier, IdentityAccount account) {
        provider(account.provider()).remove(new IdpSetup(tenantId, null, null, tier, null), account);
    }

    private IdentityProvider provider(IdentityProviderKind kind) {
        IdentityProvider provider = providers.get(kind);
        if (provider == null) {
            throw DomainRefusal.conflict(
                    "idp_not_configured",
                    "This installation has no connection to " + kind
                            + " (tenantry.idp." + kind.name().toLowerCase(java.util.Locale.ROOT) + ".*); configured: "
                            + (providers.isEmpty() ? "none" : providers.keySet()) + ".");
        }
        return provider;
    }
}
