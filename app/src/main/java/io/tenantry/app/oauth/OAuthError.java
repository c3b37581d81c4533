package io.tenantry.app.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** A refusal of the token endpoint, answered as RFC 6749 §5.2 JSON ({@code error}, {@code error_description}). */
class OAuthError extends RuntimeException {

    private final transient ErrorObject error;

    OAuthError(ErrorObject error, String description) {
        super(description);
        this.error = error.setDescription(description);
    }

    ErrorObject error() {
        return error;
    }
}
