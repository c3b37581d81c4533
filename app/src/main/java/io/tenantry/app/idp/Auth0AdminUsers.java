package io.tenantry.app.idp;

import static io.tenantry.app.idp.Auth0Calls.unlessConflict;
import static io.tenantry.app.idp.Auth0Calls.unlessNotFound;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.types.CreateUserRequestContent;
import com.auth0.client.mgmt.types.CreateUserResponseContent;
import com.auth0.client.mgmt.types.ListUsersByEmailRequestParameters;
import com.auth0.client.mgmt.types.UserIdentitySchema;
import com.auth0.client.mgmt.types.UserResponseSchema;
import io.tenantry.command.idp.IdpSetup;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tenant's admin user in an Auth0 database connection. Auth0 wants a password for such a user, so it gets a long
 * random one that is sent once to Auth0 and never logged, kept or shown; the admin then sets their own through
 * Auth0's "change password" e-mail, requested through the Authentication API as Auth0 documents for inviting users
 * ("Email invitations for application signup"). Setting it verifies the address, so a user found again still
 * unverified gets the mail again (a step that failed after creating the user runs again), one already verified none.
 */
final class Auth0AdminUsers {

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%&*+-.:=?@^_~";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ManagementApi management;
    private final AuthAPI authentication;
    private final Auth0Calls calls;
    private final String appClientId;
    private final int passwordLength;

    Auth0AdminUsers(
            ManagementApi management,
            AuthAPI authentication,
            Auth0Calls calls,
            String appClientId,
            int passwordLength) {
        this.management = management;
        this.authentication = authentication;
        this.calls = calls;
        this.appClientId = appClientId;
        this.passwordLength = Math.max(passwordLength, 16);
    }

    record AdminUser(String id, boolean awaitsPassword) {}

    AdminUser findOrCreate(String tenantId, String connection, IdpSetup.Admin admin) {
        return calls.run(
                "find or create the admin user of tenant " + tenantId + " in connection " + connection,
                () -> unlessConflict(() -> management
                                .users()
                                .create(CreateUserRequestContent.builder()
                                        .connection(connection)
                                        .email(admin.email().trim())
                                        .givenName(admin.firstName())
                                        .familyName(admin.lastName())
                                        .name(fullName(admin))
                                        .password(randomPassword())
                                        .emailVerified(false)
                                        .verifyEmail(false)
                                        .build()))
                        .flatMap(CreateUserResponseContent::getUserId)
                        .map(id -> new AdminUser(id, true))
                        .or(() -> find(connection, admin.email()))
                        .orElseThrow(() -> new IllegalStateException("Auth0 reported the admin user of tenant "
                                + tenantId + " as existing in connection " + connection + " but does not find it")));
    }

    /** Auth0 mails the admin a link to set their password; Tenantry sees neither the link nor the password. */
    void sendSetPasswordMail(String tenantId, String connection, String organizationId, IdpSetup.Admin admin) {
        calls.runAuthentication(
                "send the set-password mail to the admin of tenant " + tenantId,
                () -> authentication
                        .resetPassword(appClientId, admin.email().trim(), connection, organizationId)
                        .execute());
    }

    /** Deletes the user; a pooled tenant's admin only when it belongs to no other organization. */
    void delete(String tenantId, String userId, boolean onlyWithoutOrganizations) {
        calls.run(
                "delete the admin user " + userId + " of tenant " + tenantId,
                () -> unlessNotFound(() -> {
                    if (onlyWithoutOrganizations
                            && !management
                                    .users()
                                    .organizations()
                                    .list(userId)
                                    .getItems()
                                    .isEmpty()) {
                        return false;
                    }
                    management.users().delete(userId);
                    return true;
                }));
    }

    private Optional<AdminUser> find(String connection, String email) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        return management
                .users()
                .listUsersByEmail(ListUsersByEmailRequestParameters.builder()
                        .email(address)
                        .build())
                .stream()
                .filter(user -> inConnection(user, connection))
                .findFirst()
                .flatMap(user -> user.getUserId()
                        .map(id -> new AdminUser(id, !user.getEmailVerified().orElse(false))));
    }

    private static boolean inConnection(UserResponseSchema user, String connection) {
        return user.getIdentities().orElse(List.of()).stream()
                .map(UserIdentitySchema::getConnection)
                .flatMap(Optional::stream)
                .anyMatch(connection::equals);
    }

    private static String fullName(IdpSetup.Admin admin) {
        String name = Stream.of(admin.firstName(), admin.lastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return name.isEmpty() ? null : name;
    }

    /**
     * Letters, digits and symbols, at least one of each and no character three times in a row, to pass any of
     * Auth0's password policies.
     */
    private String randomPassword() {
        String password;
        do {
            password = randomCharacters();
        } while (password.matches(".*(.)\\1\\1.*"));
        return password;
    }

    private String randomCharacters() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        char[] password = new char[passwordLength];
        String[] classes = {LOWER, UPPER, DIGITS, SYMBOLS};
        for (int i = 0; i < password.length; i++) {
            String from = i < classes.length ? classes[i] : all;
            password[i] = from.charAt(RANDOM.nextInt(from.length()));
        }
        for (int i = password.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }
}
