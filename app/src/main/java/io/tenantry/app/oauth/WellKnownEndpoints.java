package io.tenantry.app.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys of Tenantry's tenant tokens (the signing key and the retired
 * ones whose tokens may not have expired yet). {@code GET /.well-known/oauth-authorization-server}: its metadata
 * (RFC 8414).
 */
@RestController
class WellKnownEndpoints {

    private final SigningKeys keys;
    private final OAuthIssuer issuer;

    WellKnownEndpoints(SigningKeys keys, OAuthIssuer issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    @Operation(summary = "The public keys tenant tokens are signed with (JWKS)")
    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        // a resource server may keep them a few minutes: a new key is published as it starts signing
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.published().toString(true));
    }

    @Operation(summary = "Tenantry's OAuth 2.0 authorization server metadata (RFC 8414)")
    @GetMapping(value = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
    String metadata() {
        String base = issuer.get();
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(base));
        metadata.setTokenEndpointURI(URI.create(base + "/oauth2/token"));
        metadata.setJWKSetURI(URI.create(base + "/.well-known/jwks.json"));
        metadata.setGrantTypes(List.of(GrantType.TOKEN_EXCHANGE));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
        metadata.setResponseTypes(List.of());
        metadata.setCustomParameter(
                "tenant_token_signing_alg_values_supported",
                List.of(JWSAlgorithm.ES256.getName(), JWSAlgorithm.RS256.getName()));
        return metadata.toJSONObject().toJSONString();
    }
}
