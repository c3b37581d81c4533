package io.tenantry.command.idp;

import io.tenantry.contracts.idp.IdentityProviderKind;

/**
 * An identity provider could not do what was asked: unreachable, a server error, or a refusal. The message says what
 * failed in words fit for an operator (never a password, token or personal data); the web layer answers 503
 * {@code idp_unavailable} (502 would blame the client less clearly) and a process records it as a failure.
 */
public class IdentityProviderException extends RuntimeException {

    private final IdentityProviderKind provider;

    public IdentityProviderException(IdentityProviderKind provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public IdentityProviderKind provider() {
        return provider;
    }
}
