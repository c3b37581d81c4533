package io.tenantry.app.security;

import io.tenantry.contracts.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into authorities: each of {@code roles} becomes {@code ROLE_<role>} (so
 * {@code hasRole('partner-admin')} works), each of {@code permissions} stays as it is ({@code tenant:create}).
 * The principal name is {@code sub}; a verified {@code email} claim and an actor ({@code act.sub}) go into the
 * {@link Caller}.
 */
public final class JwtClaimsAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES_CLAIM = "roles";
    public static final String PERMISSIONS_CLAIM = "permissions";
    public static final String EMAIL_CLAIM = "email";
    public static final String EMAIL_VERIFIED_CLAIM = "email_verified";
    /** RFC 8693's actor claim: {@code {"sub": <who acts>}} in a token one party uses on behalf of another. */
    public static final String ACTOR_CLAIM = "act";

    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        claimValues(jwt, ROLES_CLAIM).forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role)));
        claimValues(jwt, PERMISSIONS_CLAIM)
                .forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission)));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The {@link Caller} an authenticated request stands for. */
    public static Caller toCaller(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Caller caller) {
            return caller; // a tenant API key's
        }
        Set<String> roles = new LinkedHashSet<>();
        Set<String> permissions = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(ROLE_PREFIX)) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            } else {
                permissions.add(name);
            }
        }
        return new Caller(
                authentication.getName(), roles, permissions, verifiedEmail(authentication), actor(authentication));
    }

    /** Who acts as the token's subject ({@code act.sub}, RFC 8693), or null. */
    static String actor(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token
                && token.getToken().getClaims().get(ACTOR_CLAIM) instanceof java.util.Map<?, ?> act
                && act.get("sub") instanceof String actor
                && !actor.isBlank()) {
            return actor;
        }
        return null;
    }

    /** The token's platform roles. */
    public static Set<String> roles(Jwt jwt) {
        return new LinkedHashSet<>(claimValues(jwt, ROLES_CLAIM));
    }

    /** The token's permissions. */
    public static Set<String> permissions(Jwt jwt) {
        return new LinkedHashSet<>(claimValues(jwt, PERMISSIONS_CLAIM));
    }

    /** The token's OAuth scopes ({@code scope}, space-separated, or {@code scp}, a list). */
    public static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new LinkedHashSet<>(claimValues(jwt, "scope"));
        scopes.addAll(claimValues(jwt, "scp"));
        return scopes;
    }

    /** The {@code email} claim, when {@code email_verified} says it is verified; otherwise none. */
    static String verifiedEmail(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token ? verifiedEmail(token.getToken()) : null;
    }

    /** The token's {@code email} claim, when its {@code email_verified} says it is verified; otherwise none. */
    public static String verifiedEmail(Jwt jwt) {
        Object verified = jwt.getClaims().get(EMAIL_VERIFIED_CLAIM);
        Object email = jwt.getClaims().get(EMAIL_CLAIM);
        if ((Boolean.TRUE.equals(verified) || "true".equals(verified)) && email instanceof String address) {
            return address;
        }
        return null;
    }

    /** A claim given as a JSON array of strings, or as one space- or comma-separated string. */
    private static Collection<String> claimValues(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> {
                if (item != null && !item.toString().isBlank()) {
                    values.add(item.toString().trim());
                }
            });
        } else if (value instanceof String text) {
            for (String item : text.split("[\\s,]+")) {
                if (!item.isBlank()) {
                    values.add(item);
                }
            }
        }
        return values;
    }
}
