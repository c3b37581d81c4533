package io.tenantry.app.idp;

import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;
import com.auth0.client.mgmt.core.OAuthTokenException;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.contracts.idp.IdentityProviderKind;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a call to Auth0 ends: an answer, or an {@link IdentityProviderException} that says in an operator's words which
 * step failed and why (unreachable, no Management API token, credentials refused, throttled, or the HTTP status),
 * naming the tenant and Auth0's ids, never the admin's address nor Auth0's error text (which may quote it).
 */
final class Auth0Calls {

    private final String baseUrl;
    private final String clientId;

    Auth0Calls(String baseUrl, String clientId) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
    }

    <T> T run(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (IdentityProviderException e) {
            throw e;
        } catch (OAuthTokenException e) {
            throw failure(
                    "did not give Tenantry a Management API token (client " + clientId + ": " + e.getMessage()
                            + ") when it was about to " + what + ": check tenantry.idp.auth0.*",
                    e);
        } catch (ManagementApiException e) {
            throw failure(answered(e.statusCode(), what), e);
        } catch (ManagementException e) {
            throw failure("could not be reached to " + what + " (" + NetworkFailures.describe(e) + ")", e);
        }
    }

    /** The same for the Authentication API, whose calls throw the checked {@link Auth0Exception}. */
    void runAuthentication(String what, AuthenticationCall call) {
        try {
            call.run();
        } catch (APIException e) {
            throw failure(answered(e.getStatusCode(), what), e);
        } catch (Auth0Exception e) {
            throw failure("could not be reached to " + what + " (" + NetworkFailures.describe(e) + ")", e);
        }
    }

    /** A create whose "exists already" (409) means: find it instead. */
    static <T> Optional<T> unlessConflict(Supplier<T> create) {
        try {
            return Optional.ofNullable(create.get());
        } catch (ManagementApiException e) {
            if (e.statusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A delete or a look-up whose "not there" (404) is an answer too. */
    static <T> Optional<T> unlessNotFound(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ManagementApiException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String answered(int status, String what) {
        String hint = switch (status) {
            case 401, 403 -> ": Tenantry's application (client " + clientId + ") lacks the grant or scope for it";
            case 429 -> ": Auth0's rate limit, try again later";
            default -> "";
        };
        return "answered HTTP " + status + " when asked to " + what + hint;
    }

    private IdentityProviderException failure(String text, Throwable cause) {
        return new IdentityProviderException(IdentityProviderKind.AUTH0, "Auth0 at " + baseUrl + " " + text, cause);
    }

    @FunctionalInterface
    interface AuthenticationCall {
        void run() throws Auth0Exception;
    }
}
