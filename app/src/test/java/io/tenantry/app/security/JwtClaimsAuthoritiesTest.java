package io.tenantry.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.contracts.Caller;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtClaimsAuthoritiesTest {

    private final JwtClaimsAuthorities converter = new JwtClaimsAuthorities();

    @Test
    void turnsRolesIntoRoleAuthoritiesAndKeepsPermissionsAsTheyAre() {
        AbstractAuthenticationToken authentication =
                converter.convert(jwt(List.of("partner-admin", "ops"), List.of("tenant:create", "tenant:delete")));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_partner-admin", "ROLE_ops", "tenant:create", "tenant:delete");
        Caller caller = JwtClaimsAuthorities.toCaller(authentication);
        assertThat(caller.userId()).isEqualTo("alice");
        assertThat(caller.isPartnerAdmin()).isTrue();
        assertThat(caller.hasPermission("tenant:create")).isTrue();
        assertThat(caller.hasPermission("tenant:update")).isFalse();
    }

    @Test
    void acceptsClaimsGivenAsOneSeparatedString() {
        AbstractAuthenticationToken authentication =
                converter.convert(jwt("partner-admin", "tenant:create tenant:update"));

        Caller caller = JwtClaimsAuthorities.toCaller(authentication);
        assertThat(caller.roles()).containsExactly("partner-admin");
        assertThat(caller.permissions()).containsExactlyInAnyOrder("tenant:create", "tenant:update");
    }

    @Test
    void grantsNothingWithoutClaims() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("bob")
                .issuedAt(Instant.now())
                .build();

        Caller caller = JwtClaimsAuthorities.toCaller(converter.convert(jwt));
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.permissions()).isEmpty();
        assertThat(caller.isPartnerAdmin()).isFalse();
    }

    @Test
    void takesTheEmailClaimOnlyWhenItIsVerified() {
        assertThat(callerWithEmail(true).verifiedEmail()).isEqualTo("alice@example.com");
        assertThat(callerWithEmail("true").verifiedEmail()).isEqualTo("alice@example.com");
        assertThat(callerWithEmail(false).verifiedEmail()).isNull();
        assertThat(callerWithEmail(null).verifiedEmail()).isNull();
        assertThat(callerWithEmail(true).toString()).doesNotContain("alice@");
    }

    private Caller callerWithEmail(Object verified) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(Instant.now())
                .claim("email", "alice@example.com");
        if (verified != null) {
            jwt.claim("email_verified", verified);
        }
        return JwtClaimsAuthorities.toCaller(converter.convert(jwt.build()));
    }

    private static Jwt jwt(Object roles, Object permissions) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(Instant.now())
                .claim("roles", roles)
                .claim("permissions", permissions)
                .build();
    }
}
