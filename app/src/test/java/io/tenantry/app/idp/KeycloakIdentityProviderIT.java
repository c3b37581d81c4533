package io.tenantry.app.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.app.test.KeycloakServer;
import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.idp.IdpSetup;
import io.tenantry.contracts.idp.IdentityAccount;
import io.tenantry.contracts.idp.IdentityProviderKind;
import io.tenantry.contracts.tenant.TenantTier;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The Keycloak adapter against a real Keycloak ({@link KeycloakServer}), checked through Keycloak's own admin API.
 * Each test has fresh tenants, and the pooled tests a shared realm of this run's own, so the realm is made by the
 * adapter.
 */
class KeycloakIdentityProviderIT {

    private static final String POOLED_REALM =
            "pooled-" + UUID.randomUUID().toString().substring(0, 8);
    private static Keycloak admin;
    private static IdentityProvider keycloak;

    @BeforeAll
    static void connect() {
        admin = Keycloak.getInstance(
                KeycloakServer.url(),
                "master",
                KeycloakServer.ADMIN_USERNAME,
                KeycloakServer.ADMIN_PASSWORD,
                "admin-cli");
        keycloak = adapter(KeycloakServer.url(), KeycloakServer.ADMIN_PASSWORD, POOLED_REALM);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void aSiloedTenantGetsARealmAClientAndAnAdminWithoutAPassword() {
        IdpSetup setup = setup(TenantTier.SILOED, "Jane.Doe@Acme.example");

        IdentityAccount account = keycloak.configure(setup);

        String realmName = "tenant-" + setup.tenantId();
        assertThat(account.provider()).isEqualTo(IdentityProviderKind.KEYCLOAK);
        assertThat(account.realm()).isEqualTo(realmName);
        assertThat(account.organizationId()).isNull();
        assertThat(account.clientId()).isEqualTo(realmName);
        RealmResource realm = admin.realm(realmName);
        RealmRepresentation representation = realm.toRepresentation();
        assertThat(representation.isEnabled()).isTrue();
        assertThat(representation.getDisplayName()).isEqualTo(setup.tenantName());
        ClientRepresentation client = onlyClient(realm, account.clientId());
        assertThat(client.isPublicClient()).isTrue();
        assertThat(client.isStandardFlowEnabled()).isTrue();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        UserRepresentation user = realm.users().get(account.authId()).toRepresentation();
        assertThat(user.getUsername()).isEqualTo("jane.doe@acme.example");
        assertThat(user.getEmail()).isEqualToIgnoringCase("Jane.Doe@Acme.example");
        assertThat(user.getFirstName()).isEqualTo("Jane");
        assertThat(user.getLastName()).isEqualTo("Doe");
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.getRequiredActions()).containsExactlyInAnyOrder("VERIFY_EMAIL", "UPDATE_PASSWORD");
        assertThat(realm.users().get(account.authId()).credentials()).isEmpty();
        String management = onlyClient(realm, "realm-management").getId();
        assertThat(realm.users()
                        .get(account.authId())
                        .roles()
                        .clientLevel(management)
                        .listEffective())
                .extracting(RoleRepresentation::getName)
                .contains("realm-admin");
    }

    @Test
    void configuringASiloedTenantAgainReusesWhatIsThere() {
        IdpSetup setup = setup(TenantTier.SILOED, "again@acme.example");
        IdentityAccount first = keycloak.configure(setup);

        IdentityAccount second = keycloak.configure(setup);

        assertThat(second).isEqualTo(first);
        RealmResource realm = admin.realm(first.realm());
        assertThat(realm.clients().findByClientId(first.clientId())).hasSize(1);
        assertThat(realm.users().searchByEmail("again@acme.example", true)).hasSize(1);
    }

    @Test
    void aPooledTenantGetsAnOrganizationAClientAndAMemberAdminInTheSharedRealm() {
        IdpSetup setup = setup(TenantTier.POOLED, "owner@pooled.example");

        IdentityAccount account = keycloak.configure(setup);

        assertThat(account.realm()).isEqualTo(POOLED_REALM);
        assertThat(account.clientId()).isEqualTo("tenant-" + setup.tenantId());
        RealmResource realm = admin.realm(POOLED_REALM);
        assertThat(realm.toRepresentation().isOrganizationsEnabled()).isTrue();
        OrganizationRepresentation organization =
                realm.organizations().get(account.organizationId()).toRepresentation();
        assertThat(organization.getAlias()).isEqualTo("tenant-" + setup.tenantId());
        assertThat(organization.getName()).isEqualTo("tenant-" + setup.tenantId());
        assertThat(organization.getDescription()).isEqualTo(setup.tenantName());
        assertThat(organization.isEnabled()).isTrue();
        assertThat(members(realm, account.organizationId())).containsExactly(account.authId());
        assertThat(onlyClient(realm, account.clientId()).isPublicClient()).isTrue();
        UserRepresentation user = realm.users().get(account.authId()).toRepresentation();
        assertThat(user.getUsername()).isEqualTo("owner@pooled.example");
        assertThat(user.getRequiredActions()).containsExactlyInAnyOrder("VERIFY_EMAIL", "UPDATE_PASSWORD");
    }

    @Test
    void twoPooledTenantsShareTheRealmButNotTheirOrganizations() {
        IdentityAccount one = keycloak.configure(setup(TenantTier.POOLED, "one@pooled.example"));
        IdentityAccount two = keycloak.configure(setup(TenantTier.POOLED, "two@pooled.example"));

        assertThat(one.realm()).isEqualTo(two.realm()).isEqualTo(POOLED_REALM);
        assertThat(one.organizationId()).isNotEqualTo(two.organizationId());
        assertThat(one.clientId()).isNotEqualTo(two.clientId());
        RealmResource realm = admin.realm(POOLED_REALM);
        assertThat(members(realm, one.organizationId())).containsExactly(one.authId());
        assertThat(members(realm, two.organizationId())).containsExactly(two.authId());
    }

    @Test
    void configuringAPooledTenantAgainReusesWhatIsThere() {
        IdpSetup setup = setup(TenantTier.POOLED, "repeat@pooled.example");
        IdentityAccount first = keycloak.configure(setup);

        IdentityAccount second = keycloak.configure(setup);

        assertThat(second).isEqualTo(first);
        RealmResource realm = admin.realm(POOLED_REALM);
        assertThat(realm.organizations().search("tenant-" + setup.tenantId(), true, 0, 10))
                .hasSize(1);
        assertThat(realm.clients().findByClientId(first.clientId())).hasSize(1);
        assertThat(members(realm, first.organizationId())).containsExactly(first.authId());
    }

    @Test
    void anExistingSharedRealmHasOrganizationsSwitchedOn() {
        String realmName = "pooled-off-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation off = new RealmRepresentation();
        off.setRealm(realmName);
        off.setEnabled(true);
        off.setOrganizationsEnabled(false);
        admin.realms().create(off);
        IdentityProvider adapter = adapter(KeycloakServer.url(), KeycloakServer.ADMIN_PASSWORD, realmName);

        IdentityAccount account = adapter.configure(setup(TenantTier.POOLED, "switch@pooled.example"));

        assertThat(admin.realm(realmName).toRepresentation().isOrganizationsEnabled())
                .isTrue();
        assertThat(account.realm()).isEqualTo(realmName);
        admin.realm(realmName).remove();
    }

    @Test
    void removingASiloedTenantDeletesItsRealmAndRemovingAgainIsFine() {
        IdpSetup setup = setup(TenantTier.SILOED, "leaving@acme.example");
        IdentityAccount account = keycloak.configure(setup);

        keycloak.remove(setup, account);

        assertThatThrownBy(() -> admin.realm(account.realm()).toRepresentation())
                .isInstanceOf(NotFoundException.class);
        assertThatCode(() -> keycloak.remove(setup, account)).doesNotThrowAnyException();
        assertThatCode(() -> keycloak.remove(setup, null)).doesNotThrowAnyException();
    }

    @Test
    void removingAPooledTenantDeletesItsOrganizationClientAndAdminButNotOtherTenants() {
        IdpSetup leaving = setup(TenantTier.POOLED, "leaving@pooled.example");
        IdpSetup staying = setup(TenantTier.POOLED, "staying@pooled.example");
        IdentityAccount gone = keycloak.configure(leaving);
        IdentityAccount kept = keycloak.configure(staying);

        keycloak.remove(leaving, gone);

        RealmResource realm = admin.realm(POOLED_REALM);
        assertThatThrownBy(
                        () -> realm.organizations().get(gone.organizationId()).toRepresentation())
                .isInstanceOf(NotFoundException.class);
        assertThat(realm.clients().findByClientId(gone.clientId())).isEmpty();
        assertThatThrownBy(() -> realm.users().get(gone.authId()).toRepresentation())
                .isInstanceOf(NotFoundException.class);
        assertThat(members(realm, kept.organizationId())).containsExactly(kept.authId());
        assertThat(realm.clients().findByClientId(kept.clientId())).hasSize(1);
        assertThatCode(() -> keycloak.remove(leaving, gone)).doesNotThrowAnyException();
    }

    @Test
    void anAdminOfTwoPooledTenantsStaysWhileTheOtherTenantNeedsThem() {
        IdpSetup first = setup(TenantTier.POOLED, "both@pooled.example");
        IdpSetup second = setup(TenantTier.POOLED, "both@pooled.example");
        IdentityAccount one = keycloak.configure(first);
        IdentityAccount two = keycloak.configure(second);
        assertThat(two.authId()).isEqualTo(one.authId());

        keycloak.remove(first, one);

        RealmResource realm = admin.realm(POOLED_REALM);
        assertThat(realm.users().get(one.authId()).toRepresentation().getUsername())
                .isEqualTo("both@pooled.example");
        assertThat(members(realm, two.organizationId())).containsExactly(two.authId());
        keycloak.remove(second, two);
        assertThatThrownBy(() -> realm.users().get(one.authId()).toRepresentation())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnreachableKeycloakIsAnIdentityProviderErrorThatSaysWhere() {
        String closed = "http://127.0.0.1:" + closedPort();
        IdentityProvider unreachable = adapter(closed, KeycloakServer.ADMIN_PASSWORD, POOLED_REALM);
        IdpSetup setup = setup(TenantTier.SILOED, "nobody@acme.example");

        assertThatThrownBy(() -> unreachable.configure(setup))
                .isInstanceOfSatisfying(
                        IdentityProviderException.class,
                        e -> assertThat(e.provider()).isEqualTo(IdentityProviderKind.KEYCLOAK))
                .hasMessageContaining("Keycloak at " + closed + " could not be reached to find or create realm tenant-"
                        + setup.tenantId())
                .hasMessageNotContaining("nobody@acme.example");
    }

    @Test
    void refusedCredentialsAreAnIdentityProviderErrorThatSaysSo() {
        IdentityProvider refused = adapter(KeycloakServer.url(), "not-the-password", POOLED_REALM);
        IdpSetup setup = setup(TenantTier.POOLED, "nobody@acme.example");

        assertThatThrownBy(() -> refused.configure(setup))
                .isInstanceOf(IdentityProviderException.class)
                .hasMessageContaining("refused Tenantry's sign-in (realm master, client admin-cli, HTTP 4")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("nobody@acme.example");
    }

    private static IdentityProvider adapter(String url, String password, String pooledRealm) {
        return IdentityProviderConfiguration.keycloak(new IdentityProviderProperties.Keycloak(
                url,
                "master",
                "admin-cli",
                null,
                KeycloakServer.ADMIN_USERNAME,
                password,
                pooledRealm,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30)));
    }

    private static IdpSetup setup(TenantTier tier, String email) {
        String tenantId = UUID.randomUUID().toString();
        return new IdpSetup(
                tenantId,
                "acme-" + tenantId.substring(0, 6),
                "Acme " + tenantId.substring(0, 6),
                tier,
                new IdpSetup.Admin(email, "Jane", "Doe"));
    }

    private static ClientRepresentation onlyClient(RealmResource realm, String clientId) {
        List<ClientRepresentation> clients = realm.clients().findByClientId(clientId);
        assertThat(clients).hasSize(1);
        return clients.get(0);
    }

    private static List<String> members(RealmResource realm, String organizationId) {
        return realm.organizations().get(organizationId).members().list(0, 100).stream()
                .map(MemberRepresentation::getId)
                .toList();
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
