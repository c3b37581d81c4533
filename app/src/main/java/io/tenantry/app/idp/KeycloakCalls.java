package io.tenantry.app.idp;

import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.contracts.idp.IdentityProviderKind;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * How a call to Keycloak's Admin REST API ends: an answer, or an {@link IdentityProviderException} that says in an
 * operator's words which step failed and why (unreachable, credentials refused, or the HTTP status), naming the tenant
 * and Keycloak's ids but never the admin's address. Conflicts and missing things are answers where a step wants them
 * to be: "already made" when creating, "already gone" when deleting.
 */
final class KeycloakCalls {

    private final String url;
    private final String signIn;
    private final Runnable token;

    /** {@code token} gets (or reuses) the admin token, so a refused sign-in is told apart from a refused step. */
    KeycloakCalls(String url, String signIn, Runnable token) {
        this.url = url;
        this.signIn = signIn;
        this.token = token;
    }

    <T> T run(String what, Supplier<T> step) {
        signIn(what);
        try {
            return step.get();
        } catch (IdentityProviderException e) {
            throw e;
        } catch (ProcessingException e) {
            throw new IdentityProviderException(
                    IdentityProviderKind.KEYCLOAK,
                    "Keycloak at " + url + " could not be reached to " + what + " (" + NetworkFailures.describe(e)
                            + ")",
                    e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            String hint = status == 403 ? ": Tenantry's account lacks the admin role for it" : "";
            throw new IdentityProviderException(
                    IdentityProviderKind.KEYCLOAK,
                    "Keycloak at " + url + " answered HTTP " + status + " when asked to " + what + hint,
                    e);
        }
    }

    private void signIn(String what) {
        try {
            token.run();
        } catch (ProcessingException e) {
            throw new IdentityProviderException(
                    IdentityProviderKind.KEYCLOAK,
                    "Keycloak at " + url + " could not be reached to " + what + " (" + NetworkFailures.describe(e)
                            + ")",
                    e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            throw new IdentityProviderException(
                    IdentityProviderKind.KEYCLOAK,
                    "Keycloak at " + url
                            + " refused Tenantry's sign-in (" + signIn + ", HTTP " + status + ") when it was about to "
                            + what
                            + ": check tenantry.idp.keycloak.*",
                    e);
        }
    }

    /** Runs a create; "it exists already" (409) is what the step wanted too. */
    void createIgnoringConflict(Runnable create) {
        try {
            create.run();
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 409) {
                throw e;
            }
        }
    }

    /** Runs a delete; "nothing there" (404) is what the step wanted too. */
    void ignoringNotFound(Runnable delete) {
        try {
            delete.run();
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
    }

    /** The id of what a create made (the end of its Location), or null when it existed already (409). */
    String createdId(Supplier<Response> create) {
        try (Response response = create.get()) {
            if (response.getStatus() == 409) {
                return null;
            }
            expectSuccess(response);
            String location = response.getLocation() == null
                    ? null
                    : response.getLocation().getPath();
            if (location == null) {
                throw new WebApplicationException(
                        "Keycloak created something without telling where", response.getStatus());
            }
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Closes an answer, throwing for anything but success. */
    void expectSuccess(Response response) {
        try (response) {
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new WebApplicationException(response.getStatus());
            }
        }
    }
}
