package io.tenantry.app.idp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.idp.*}: where tenants' identity providers are and how Tenantry signs in to them. A provider without
 * its address ({@code keycloak.url}, {@code auth0.domain} or {@code auth0.base-url}) is not used.
 */
@ConfigurationProperties("tenantry.idp")
public record IdentityProviderProperties(Keycloak keycloak, Auth0 auth0) {

    public IdentityProviderProperties {
        keycloak = keycloak == null ? new Keycloak(null, null, null, null, null, null, null, null, null) : keycloak;
        auth0 = auth0 == null ? new Auth0(null, null, null, null, null, null, null, null, null, null, null) : auth0;
    }

    /**
     * Keycloak's Admin REST API: the server's base URL, the realm and client Tenantry signs in with (an admin user by
     * password grant, or a service account when {@code client-secret} is set), the shared realm of pooled tenants,
     * and how long to wait.
     */
    public record Keycloak(
            String url,
            String realm,
            String clientId,
            String clientSecret,
            String username,
            String password,
            String pooledRealm,
            Duration connectTimeout,
            Duration readTimeout) {

        public Keycloak {
            url = trimSlash(blankToNull(url));
            realm = orDefault(realm, "master");
            clientId = orDefault(clientId, "admin-cli");
            clientSecret = blankToNull(clientSecret);
            username = blankToNull(username);
            password = blankToNull(password);
            pooledRealm = orDefault(pooledRealm, "tenantry");
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }

        public boolean configured() {
            return url != null;
        }

        @Override
        public String toString() {
            return "Keycloak[url=" + url + ", realm=" + realm + ", clientId=" + clientId + ", pooledRealm="
                    + pooledRealm + ", credentials=" + (password == null && clientSecret == null ? "none" : "***")
                    + "]";
        }
    }

    /**
     * Auth0's Management API: the tenant's domain (or a full base URL, for a test double or a custom domain), the
     * machine-to-machine application Tenantry signs in with, the API audience, the application the tenants' users
     * sign in to ({@code app-client-id}, by default the same), the database connection pooled tenants share, and how
     * long and how often to try.
     */
    public record Auth0(
            String domain,
            String baseUrl,
            String clientId,
            String clientSecret,
            String audience,
            String appClientId,
            String pooledConnection,
            Duration connectTimeout,
            Duration readTimeout,
            Integer maxRetries,
            Integer passwordLength) {

        public Auth0 {
            domain = blankToNull(domain);
            baseUrl = trimSlash(blankToNull(baseUrl));
            if (baseUrl == null && domain != null) {
                baseUrl = domain.startsWith("http://") || domain.startsWith("https://")
                        ? trimSlash(domain)
                        : "https://" + domain;
            }
            clientId = blankToNull(clientId);
            clientSecret = blankToNull(clientSecret);
            audience =
                    audience == null || audience.isBlank() ? (baseUrl == null ? null : baseUrl + "/api/v2/") : audience;
            appClientId = appClientId == null || appClientId.isBlank() ? clientId : appClientId;
            pooledConnection = orDefault(pooledConnection, "Username-Password-Authentication");
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
            maxRetries = maxRetries == null ? 2 : maxRetries;
            passwordLength = passwordLength == null ? 48 : passwordLength;
        }

        public boolean configured() {
            return baseUrl != null;
        }

        @Override
        public String toString() {
            return "Auth0[baseUrl=" + baseUrl + ", clientId=" + clientId + ", audience=" + audience
                    + ", pooledConnection=" + pooledConnection + ", clientSecret="
                    + (clientSecret == null ? "none" : "***") + "]";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static String trimSlash(String url) {
        return url == null ? null : url.replaceAll("/+$", "");
    }
}
