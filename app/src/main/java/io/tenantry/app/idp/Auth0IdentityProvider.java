package io.tenantry.app.idp;

import static io.tenantry.app.idp.Auth0Calls.unlessConflict;
import static io.tenantry.app.idp.Auth0Calls.unlessNotFound;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.organizations.types.AddOrganizationConnectionRequestContent;
import com.auth0.client.mgmt.organizations.types.CreateOrganizationMemberRequestContent;
import com.auth0.client.mgmt.types.ConnectionForList;
import com.auth0.client.mgmt.types.ConnectionIdentityProviderEnum;
import com.auth0.client.mgmt.types.ConnectionStrategyEnum;
import com.auth0.client.mgmt.types.CreateConnectionRequestContent;
import com.auth0.client.mgmt.types.CreateConnectionResponseContent;
import com.auth0.client.mgmt.types.CreateOrganizationRequestContent;
import com.auth0.client.mgmt.types.CreateOrganizationResponseContent;
import com.auth0.client.mgmt.types.GetOrganizationByNameResponseContent;
import com.auth0.client.mgmt.types.ListConnectionsQueryParameters;
import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.TenantTier;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants in Auth0 through its Management API (auth0-java's {@link ManagementApi}, which takes its token by client
 * credentials and keeps it until two minutes before it expires). Each tenant gets an organization named
 * {@code tenant-<id>} (Auth0's rules: lower case, at most 50 characters) with the tenant's name for display, a
 * database connection enabled on it (a pooled tenant the shared one, a siloed tenant one of its own, named like its
 * organization), and its admin user in that connection as a member. A step run again finds what exists by name
 * (409 on create) and reuses it. Auth0 has no per-tenant application here: the account names the application the
 * tenants' users sign in to ({@code app-client-id}).
 */
final class Auth0IdentityProvider implements IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(Auth0IdentityProvider.class);

    private final ManagementApi management;
    private final Auth0Calls calls;
    private final Auth0AdminUsers users;
    private final String pooledConnection;
    private final String appClientId;

    Auth0IdentityProvider(
            ManagementApi management,
            AuthAPI authentication,
            Auth0Calls calls,
            String pooledConnection,
            String appClientId,
            int passwordLength) {
        this.management = management;
        this.calls = calls;
        this.users = new Auth0AdminUsers(management, authentication, calls, appClientId, passwordLength);
        this.pooledConnection = pooledConnection;
        this.appClientId = appClientId;
    }

    @Override
    public IdentityProviderKind kind() {
        return IdentityProviderKind.AUTH0;
    }

    @Override
    public IdentityAccount configure(IdpSetup setup) {
        String tenant = setup.tenantId();
        String name = TenantNames.of(tenant);
        boolean siloed = setup.tier() == TenantTier.SILOED;
        String connection = siloed ? name : pooledConnection;
        String connectionId = siloed ? dedicatedConnection(name, setup) : sharedConnection(tenant);
        String organizationId = organization(name, setup);
        calls.run(
                "enable connection " + connection + " on organization " + organizationId + " of tenant " + tenant,
                () -> unlessConflict(() -> management
                        .organizations()
                        .enabledConnections()
                        .add(
                                organizationId,
                                AddOrganizationConnectionRequestContent.builder()
                                        .connectionId(connectionId)
                                        .assignMembershipOnLogin(false)
                                        .build())));
        Auth0AdminUsers.AdminUser admin = users.findOrCreate(tenant, connection, setup.admin());
        calls.run("add the admin user of tenant " + tenant + " to organization " + organizationId, () -> {
            management
                    .organizations()
                    .members()
                    .create(
                            organizationId,
                            CreateOrganizationMemberRequestContent.builder()
                                    .members(List.of(admin.id()))
                                    .build());
            return null;
        });
        if (admin.awaitsPassword()) {
            users.sendSetPasswordMail(tenant, connection, organizationId, setup.admin());
        }
        log.info(
                "Auth0: tenant {} ({}) has organization {}, connection {} and admin user {}",
                tenant,
                setup.tier(),
                organizationId,
                connection,
                admin.id());
        return new IdentityAccount(IdentityProviderKind.AUTH0, connection, organizationId, appClientId, admin.id());
    }

    @Override
    public void remove(IdpSetup setup, IdentityAccount account) {
        String tenant = setup.tenantId();
        String name = TenantNames.of(tenant);
        boolean siloed = setup.tier() == TenantTier.SILOED;
        String connection =
                account != null && account.realm() != null ? account.realm() : (siloed ? name : pooledConnection);
        if (siloed && connection.equals(pooledConnection)) {
            throw new IllegalArgumentException(
                    "Connection " + connection + " is shared, not tenant " + tenant + "'s own");
        }
        String organizationId = account != null && account.organizationId() != null
                ? account.organizationId()
                : calls.run(
                        "find organization " + name + " of tenant " + tenant,
                        () -> unlessNotFound(() -> management.organizations().getByName(name))
                                .flatMap(GetOrganizationByNameResponseContent::getId)
                                .orElse(null));
        if (organizationId != null) {
            calls.run(
                    "delete organization " + organizationId + " of tenant " + tenant,
                    () -> unlessNotFound(() -> {
                        management.organizations().delete(organizationId);
                        return true;
                    }));
        }
        String userId = account == null ? null : account.authId();
        if (userId != null) {
            users.delete(tenant, userId, !siloed);
        }
        if (siloed) {
            calls.run("delete connection " + connection + " of tenant " + tenant, () -> {
                findConnection(connection)
                        .ifPresent(id -> unlessNotFound(() -> {
                            management.connections().delete(id);
                            return true;
                        }));
                return null;
            });
        }
        log.info("Auth0: tenant {} ({}) removed", tenant, setup.tier());
    }

    private String sharedConnection(String tenant) {
        return calls.run(
                "find the shared connection " + pooledConnection + " for tenant " + tenant,
                () -> findConnection(pooledConnection)
                        .orElseThrow(() -> new IdentityProviderException(
                                IdentityProviderKind.AUTH0,
                                "Auth0 has no database connection " + pooledConnection + " for pooled tenants (tenant "
                                        + tenant + "): create it or set tenantry.idp.auth0.pooled-connection",
                                null)));
    }

    /** A siloed tenant's own database connection, open to the application its users sign in to. */
    private String dedicatedConnection(String name, IdpSetup setup) {
        return calls.run(
                "find or create connection " + name + " of tenant " + setup.tenantId(),
                () -> unlessConflict(() -> management
                                .connections()
                                .create(CreateConnectionRequestContent.builder()
                                        .name(name)
                                        .strategy(ConnectionIdentityProviderEnum.AUTH0)
                                        .displayName(setup.tenantName())
                                        .enabledClients(appClientId == null ? List.of() : List.of(appClientId))
                                        .build()))
                        .flatMap(CreateConnectionResponseContent::getId)
                        .or(() -> findConnection(name))
                        .orElseThrow(() -> new IllegalStateException(
                                "Auth0 reported connection " + name + " as existing but does not list it")));
    }

    private String organization(String name, IdpSetup setup) {
        return calls.run(
                "find or create organization " + name + " of tenant " + setup.tenantId(),
                () -> unlessConflict(() -> management
                                .organizations()
                                .create(CreateOrganizationRequestContent.builder()
                                        .name(name)
                                        .displayName(setup.tenantName())
                                        .build()))
                        .flatMap(CreateOrganizationResponseContent::getId)
                        .or(() -> management.organizations().getByName(name).getId())
                        .orElseThrow(() ->
                                new IllegalStateException("Auth0 answered organization " + name + " without an id")));
    }

    private Optional<String> findConnection(String name) {
        return management
                .connections()
                .list(ListConnectionsQueryParameters.builder()
                        .name(name)
                        .strategy(ConnectionStrategyEnum.AUTH0)
                        .build())
                .getItems()
                .stream()
                .filter(connection -> connection.getName().map(name::equals).orElse(false))
                .map(ConnectionForList::getId)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
