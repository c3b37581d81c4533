package io.tenantry.app.oauth;

import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.command.tenant.TenantSlugs;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Tenant tokens: signing keys and their rotation, the token exchange, and the decoder of every accepted token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuthProperties.class)
class OAuthConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OAuthConfiguration.class);

    /** The issuer, one for the beans and the interceptor alike. */
    private final OAuthIssuer issuer;

    OAuthConfiguration(OAuthProperties properties, Environment environment) {
        this.issuer = new OAuthIssuer(environment, properties);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantTokenScope(issuer));
    }

    @Bean
    OAuthIssuer oauthIssuer() {
        return issuer;
    }

    @Bean
    SigningKeys signingKeys(
            JdbcTemplate jdbc, TransactionTemplate transactions, PrivacySecret secret, OAuthProperties properties) {
        return new SigningKeys(jdbc, transactions, secret, properties, Clock.systemUTC());
    }

    /**
     * Checks the signing key's age every {@code tenantry.oauth.key-rotation-check} and rotates it when due, on a thread
     * of its own (no {@code TaskScheduler} bean, which other infrastructure would take for the application's).
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService signingKeyRotation(SigningKeys keys, OAuthProperties properties) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signing-key-rotation");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.keyRotationCheck().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        keys.rotateIfDue();
                    } catch (RuntimeException e) {
                        log.warn("Could not check the signing key's age: {}", e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return scheduler;
    }

    @Bean
    TenantTokenSigner tenantTokenSigner(SigningKeys keys) {
        return new TenantTokenSigner(keys::signing);
    }

    /** Every token Tenantry accepts: its own tenant tokens, trusted identity providers', the resource server's. */
    @Bean
    IssuerJwtDecoders issuerJwtDecoders(
            ObjectProvider<JwtDecoder> identityProvider,
            SigningKeys keys,
            OAuthIssuer issuer,
            OAuthProperties properties) {
        return new IssuerJwtDecoders(identityProvider.getObject(), keys, issuer, properties.trustedIssuers());
    }

    /** The command role's (the tenant decides, through a command); the query role verifies tokens only. */
    @Bean
    @Profile("!query")
    TokenExchange tokenExchange(
            IssuerJwtDecoders decoders,
            CommandGateway commands,
            TenantSlugs slugs,
            TenantTokenSigner signer,
            OAuthProperties properties,
            OAuthIssuer issuer) {
        return new TokenExchange(decoders, commands, slugs, signer, properties, issuer, Clock.systemUTC());
    }
}
