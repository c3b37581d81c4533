package io.tenantry.app.idp;

import io.tenantry.command.idp.IdpSetup;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What Keycloak holds for a tenant inside a realm, found or made: its client and its admin user. The client is
 * {@code tenant-<id>}, public, authorization code with PKCE only (redirect URIs are the tenant's to add); the admin
 * user is named by its e-mail address, enabled, with no password (Keycloak asks for one, and for the address to be
 * verified, at the first sign-in: required actions {@code VERIFY_EMAIL} and {@code UPDATE_PASSWORD}).
 */
final class KeycloakRealmContents {

    static final List<String> REQUIRED_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");
    private static final String REALM_MANAGEMENT = "realm-management";
    private static final String REALM_ADMIN = "realm-admin";

    private final KeycloakCalls calls;

    KeycloakRealmContents(KeycloakCalls calls) {
        this.calls = calls;
    }

    /** The tenant's client ({@code clientId}, not Keycloak's internal id), found or made. */
    String client(RealmResource realm, String realmName, String tenantId, String tenantName) {
        String clientId = TenantNames.of(tenantId);
        return calls.run("find or create client " + clientId + " in realm " + realmName, () -> {
            if (realm.clients().findByClientId(clientId).isEmpty()) {
                ClientRepresentation client = new ClientRepresentation();
                client.setClientId(clientId);
                client.setName(tenantName);
                client.setEnabled(true);
                client.setProtocol("openid-connect");
                client.setPublicClient(true);
                client.setStandardFlowEnabled(true);
                client.setDirectAccessGrantsEnabled(false);
                client.setImplicitFlowEnabled(false);
                client.setAttributes(Map.of(
                        "pkce.code.challenge.method", "S256", KeycloakIdentityProvider.TENANT_ATTRIBUTE, tenantId));
                calls.createdId(() -> realm.clients().create(client));
            }
            return clientId;
        });
    }

    /** The admin user's id: the user named by the admin's address, found or made. */
    String adminUser(RealmResource realm, String realmName, String tenantId, IdpSetup.Admin admin) {
        String username = admin.email().trim().toLowerCase(Locale.ROOT);
        return calls.run("find or create the admin user of tenant " + tenantId + " in realm " + realmName, () -> {
            String found = findUser(realm, username);
            if (found != null) {
                return found;
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(admin.email().trim());
            user.setFirstName(admin.firstName());
            user.setLastName(admin.lastName());
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setRequiredActions(REQUIRED_ACTIONS);
            String created = calls.createdId(() -> realm.users().create(user));
            return created != null ? created : findUser(realm, username);
        });
    }

    /** Gives a siloed tenant's admin the realm's {@code realm-admin} role, so the tenant can run its own realm. */
    void grantRealmAdmin(RealmResource realm, String realmName, String tenantId, String userId) {
        calls.run("make the admin user of tenant " + tenantId + " admin of realm " + realmName, () -> {
            ClientRepresentation management = realm.clients().findByClientId(REALM_MANAGEMENT).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Realm " + realmName + " has no " + REALM_MANAGEMENT + " client"));
            RoleRepresentation role = realm.clients()
                    .get(management.getId())
                    .roles()
                    .get(REALM_ADMIN)
                    .toRepresentation();
            realm.users().get(userId).roles().clientLevel(management.getId()).add(List.of(role));
            return null;
        });
    }

    void deleteClient(RealmResource realm, String clientId) {
        for (ClientRepresentation client : realm.clients().findByClientId(clientId)) {
            calls.ignoringNotFound(() -> realm.clients().get(client.getId()).remove());
        }
    }

    /** Deletes the user unless it still belongs to an organization (another pooled tenant's admin too). */
    void deleteUserWithoutOrganizations(RealmResource realm, String userId) {
        calls.ignoringNotFound(() -> {
            if (realm.organizations().members().getOrganizations(userId, true).isEmpty()) {
                realm.users().get(userId).remove();
            }
        });
    }

    private static String findUser(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername()))
                .map(UserRepresentation::getId)
                .findFirst()
                .orElse(null);
    }
}
