package io.tenantry.app.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** A refusal of the token endpoint, answered as RFC 6749 §5.2 JSON ({@code error}, {@code error_description}). */
class OAuthError extends RuntimeException {

    private final transient ErrorObject error;

    OAuthError(ErrorObject error, String description) {
        super(description);
        this.error = error.setDescription(printable(description));
    }

    /** RFC 6749 §5.2 allows printable ASCII but {@code "} and {@code \} in a description. */
    private static String printable(String description) {
        StringBuilder text = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            text.append(c == '"' ? '\'' : c < 0x20 || c > 0x7e || c == '\\' ? '?' : c);
        }
        return text.toString();
    }

    ErrorObject error() {
        return error;
    }
}
