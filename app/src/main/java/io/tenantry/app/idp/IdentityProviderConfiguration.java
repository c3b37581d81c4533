package io.tenantry.app.idp;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.core.RetryInterceptor;
import com.auth0.net.client.DefaultHttpClient;
import io.tenantry.command.idp.IdentityProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The identity providers, each only where it is configured: Keycloak when {@code tenantry.idp.keycloak.url} is set,
 * Auth0 when {@code tenantry.idp.auth0.domain} or {@code base-url} is. Both are {@link IdentityProvider} beans for
 * whoever collects them; which are on is said once at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProviderProperties.class)
class IdentityProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderConfiguration.class);

    @Bean
    @Conditional(IdentityProviderConditions.KeycloakConfigured.class)
    IdentityProvider keycloakIdentityProvider(IdentityProviderProperties properties) {
        return keycloak(properties.keycloak());
    }

    @Bean
    @Conditional(IdentityProviderConditions.Auth0Configured.class)
    IdentityProvider auth0IdentityProvider(IdentityProviderProperties properties) {
        return auth0(properties.auth0());
    }

    @Bean
    IdentityProviderReport identityProviderReport(
            IdentityProviderProperties properties, ObjectProvider<IdentityProvider> providers) {
        IdentityProviderReport report =
                new IdentityProviderReport(properties, providers.orderedStream().toList());
        log.info(report.text());
        return report;
    }

    /** A Keycloak adapter from its properties (also for tests that need no Spring context). */
    static IdentityProvider keycloak(IdentityProviderProperties.Keycloak properties) {
        ResteasyClientBuilderImpl http = ResteasyClientClassicProvider.createClientBuilder();
        http.connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100);
        KeycloakBuilder builder = KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .clientId(properties.clientId())
                .resteasyClient(http.build());
        if (properties.clientSecret() != null && properties.username() == null) {
            builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(properties.clientSecret());
        } else {
            builder.grantType(OAuth2Constants.PASSWORD)
                    .username(properties.username())
                    .password(properties.password())
                    .clientSecret(properties.clientSecret());
        }
        Keycloak keycloak = builder.build();
        return new KeycloakIdentityProvider(
                keycloak, properties.url(), properties.realm(), properties.clientId(), properties.pooledRealm());
    }

    /** An Auth0 adapter from its properties (also for tests that need no Spring context). */
    static IdentityProvider auth0(IdentityProviderProperties.Auth0 properties) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .addInterceptor(new RetryInterceptor(properties.maxRetries()))
                .build();
        // url(), not domain(): domain() always means https, and a test double or a proxy may be plain http
        ManagementApi management = ManagementApi.builder()
                .url(properties.baseUrl() + "/api/v2")
                .clientCredentials(properties.clientId(), properties.clientSecret())
                .audience(properties.audience())
                .httpClient(http)
                .build();
        AuthAPI authentication = AuthAPI.newBuilder(
                        properties.baseUrl(), properties.clientId(), properties.clientSecret())
                .withHttpClient(DefaultHttpClient.newBuilder()
                        .withConnectTimeout(seconds(properties.connectTimeout()))
                        .withReadTimeout(seconds(properties.readTimeout()))
                        .withMaxRetries(properties.maxRetries())
                        .build())
                .build();
        return new Auth0IdentityProvider(
                management,
                authentication,
                new Auth0Calls(properties.baseUrl(), properties.clientId()),
                properties.pooledConnection(),
                properties.appClientId(),
                properties.passwordLength());
    }

    private static int seconds(Duration duration) {
        return (int) Math.max(1, duration.toSeconds());
    }

    /** What was said at start-up, kept for whoever wants to show it again. */
    record IdentityProviderReport(String text) {

        IdentityProviderReport(IdentityProviderProperties properties, List<IdentityProvider> providers) {
            this("Identity providers: "
                    + (properties.keycloak().configured()
                            ? "KEYCLOAK at " + properties.keycloak().url() + " (pooled tenants in realm "
                                    + properties.keycloak().pooledRealm() + ")"
                            : "KEYCLOAK not configured")
                    + ", "
                    + (properties.auth0().configured()
                            ? "AUTH0 at " + properties.auth0().baseUrl() + " (pooled tenants in connection "
                                    + properties.auth0().pooledConnection() + ")"
                            : "AUTH0 not configured")
                    + (providers.isEmpty() ? " (tenants cannot be given an identity provider)" : ""));
        }
    }
}
