package io.tenantry.app.apikey;

import io.tenantry.contracts.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated tenant API key: its {@link Caller} is the principal, its scopes the authorities. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    ApiKeyAuthentication(Caller caller) {
        super(caller.permissions().stream().map(SimpleGrantedAuthority::new).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.userId();
    }
}
