package io.tenantry.app.idp;

import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.TenantTier;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants in Keycloak through its Admin REST API (keycloak-admin-client). A siloed tenant gets a realm of its own
 * ({@code tenant-<id>}) with the tenant's client and its admin user, who also holds the realm's {@code realm-admin}
 * role so the tenant can run its own realm. A pooled tenant gets an organization (name and alias
 * {@code tenant-<id>}, the tenant's name as description) in the shared realm, which is made with organizations on
 * when missing (and has them switched on when off), a client of its own there, and its admin user as a member of the
 * organization. Every step finds what is there before making it, so a step run again reuses the realm, organization,
 * client and user of the first run.
 */
final class KeycloakIdentityProvider implements IdentityProvider {

    static final String TENANT_ATTRIBUTE = "tenantry-tenant-id";
    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityProvider.class);

    private final Keycloak keycloak;
    private final String adminRealm;
    private final String pooledRealm;
    private final KeycloakCalls calls;
    private final KeycloakRealmContents contents;

    KeycloakIdentityProvider(
            Keycloak keycloak, String url, String adminRealm, String adminClientId, String pooledRealm) {
        this.keycloak = keycloak;
        this.adminRealm = adminRealm;
        this.pooledRealm = pooledRealm;
        this.calls = new KeycloakCalls(
                url,
                "realm " + adminRealm + ", client " + adminClientId,
                () -> keycloak.tokenManager().getAccessTokenString());
        this.contents = new KeycloakRealmContents(calls);
    }

    @Override
    public IdentityProviderKind kind() {
        return IdentityProviderKind.KEYCLOAK;
    }

    @Override
    public IdentityAccount configure(IdpSetup setup) {
        String name = TenantNames.of(setup.tenantId());
        return setup.tier() == TenantTier.SILOED ? configureSiloed(setup, name) : configurePooled(setup, name);
    }

    @Override
    public void remove(IdpSetup setup, IdentityAccount account) {
        String name = TenantNames.of(setup.tenantId());
        if (setup.tier() == TenantTier.SILOED) {
            removeSiloed(setup, account != null && account.realm() != null ? account.realm() : name);
        } else {
            removePooled(setup, account, name);
        }
    }

    private IdentityAccount configureSiloed(IdpSetup setup, String realmName) {
        String tenant = setup.tenantId();
        calls.run("find or create realm " + realmName + " of tenant " + tenant, () -> {
            if (!realmExists(realmName)) {
                RealmRepresentation realm = new RealmRepresentation();
                realm.setRealm(realmName);
                realm.setDisplayName(setup.tenantName());
                realm.setEnabled(true);
                calls.createIgnoringConflict(() -> keycloak.realms().create(realm));
            }
            return null;
        });
        RealmResource realm = keycloak.realm(realmName);
        String clientId = contents.client(realm, realmName, tenant, setup.tenantName());
        String userId = contents.adminUser(realm, realmName, tenant, setup.admin());
        contents.grantRealmAdmin(realm, realmName, tenant, userId);
        log.info(
                "Keycloak: tenant {} (SILOED) has realm {}, client {} and admin user {}",
                tenant,
                realmName,
                clientId,
                userId);
        return new IdentityAccount(IdentityProviderKind.KEYCLOAK, realmName, null, clientId, userId);
    }

    private IdentityAccount configurePooled(IdpSetup setup, String name) {
        String tenant = setup.tenantId();
        ensurePooledRealm(tenant);
        RealmResource realm = keycloak.realm(pooledRealm);
        String organizationId = organization(realm, setup, name);
        String clientId = contents.client(realm, pooledRealm, tenant, setup.tenantName());
        String userId = contents.adminUser(realm, pooledRealm, tenant, setup.admin());
        calls.run("add the admin user of tenant " + tenant + " to organization " + organizationId, () -> {
            calls.createIgnoringConflict(
                    () -> realm.organizations().get(organizationId).members().addMember(userId));
            return null;
        });
        log.info(
                "Keycloak: tenant {} (POOLED) has organization {} in realm {}, client {} and admin user {}",
                tenant,
                organizationId,
                pooledRealm,
                clientId,
                userId);
        return new IdentityAccount(IdentityProviderKind.KEYCLOAK, pooledRealm, organizationId, clientId, userId);
    }

    /** The shared realm, made with organizations on when missing; organizations switched on when they are off. */
    private void ensurePooledRealm(String tenant) {
        calls.run("prepare shared realm " + pooledRealm + " for tenant " + tenant, () -> {
            RealmRepresentation existing = findRealm(pooledRealm);
            if (existing == null) {
                RealmRepresentation realm = new RealmRepresentation();
                realm.setRealm(pooledRealm);
                realm.setEnabled(true);
                realm.setOrganizationsEnabled(true);
                try {
                    calls.createIgnoringConflict(() -> keycloak.realms().create(realm));
                } catch (WebApplicationException e) {
                    // several first set-ups at once: Keycloak refuses all but one with a 400, not a 409
                    if (findRealm(pooledRealm) == null) {
                        throw e;
                    }
                }
                existing = findRealm(pooledRealm);
            }
            if (existing != null && !Boolean.TRUE.equals(existing.isOrganizationsEnabled())) {
                existing.setOrganizationsEnabled(true);
                keycloak.realm(pooledRealm).update(existing);
                log.info("Keycloak: switched organizations on in shared realm {}", pooledRealm);
            }
            return null;
        });
    }

    /** The tenant's organization, found by its alias (names and aliases are unique in a realm) or made. */
    private String organization(RealmResource realm, IdpSetup setup, String alias) {
        return calls.run("find or create organization " + alias + " of tenant " + setup.tenantId(), () -> {
            String found = findOrganization(realm, alias);
            if (found != null) {
                return found;
            }
            OrganizationRepresentation organization = new OrganizationRepresentation();
            organization.setName(alias);
            organization.setAlias(alias);
            organization.setEnabled(true);
            organization.setDescription(setup.tenantName());
            organization.setAttributes(Map.of(TENANT_ATTRIBUTE, List.of(setup.tenantId())));
            // Keycloak 26 needs no domain; none is set, so members are not held to an e-mail domain
            String created = calls.createdId(() -> realm.organizations().create(organization));
            return created != null ? created : findOrganization(realm, alias);
        });
    }

    private String findOrganization(RealmResource realm, String alias) {
        return realm.organizations().search(alias, true, 0, 10).stream()
                .filter(organization -> alias.equals(organization.getAlias()))
                .map(OrganizationRepresentation::getId)
                .findFirst()
                .orElse(null);
    }

    private void removeSiloed(IdpSetup setup, String realmName) {
        if (realmName.equals(pooledRealm) || realmName.equals(adminRealm)) {
            throw new IllegalArgumentException(
                    "Realm " + realmName + " is shared, not tenant " + setup.tenantId() + "'s own");
        }
        calls.run("delete realm " + realmName + " of tenant " + setup.tenantId(), () -> {
            calls.ignoringNotFound(() -> keycloak.realm(realmName).remove());
            return null;
        });
        log.info("Keycloak: tenant {} (SILOED) realm {} removed", setup.tenantId(), realmName);
    }

    /**
     * Deletes the organization and the client; the admin user too, unless it still belongs to another organization
     * (the same address may be the admin of two pooled tenants, and is then one user in the shared realm).
     */
    private void removePooled(IdpSetup setup, IdentityAccount account, String name) {
        String tenant = setup.tenantId();
        String realmName = account != null && account.realm() != null ? account.realm() : pooledRealm;
        calls.run("remove tenant " + tenant + " from realm " + realmName, () -> {
            if (!realmExists(realmName)) {
                return null;
            }
            RealmResource realm = keycloak.realm(realmName);
            String organizationId = account != null && account.organizationId() != null
                    ? account.organizationId()
                    : findOrganization(realm, name);
            if (organizationId != null) {
                calls.ignoringNotFound(() -> calls.expectSuccess(
                        realm.organizations().get(organizationId).delete()));
            }
            contents.deleteClient(realm, account != null && account.clientId() != null ? account.clientId() : name);
            String userId = account != null ? account.authId() : null;
            if (userId != null) {
                contents.deleteUserWithoutOrganizations(realm, userId);
            }
            return null;
        });
        log.info("Keycloak: tenant {} (POOLED) removed from realm {}", tenant, realmName);
    }

    private boolean realmExists(String realmName) {
        return findRealm(realmName) != null;
    }

    private RealmRepresentation findRealm(String realmName) {
        try {
            return keycloak.realm(realmName).toRepresentation();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
