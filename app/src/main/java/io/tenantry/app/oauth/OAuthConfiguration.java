package io.tenantry.app.oauth;

import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.command.tenant.TenantSlugs;
import java.time.Clock;
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
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Tenant tokens: signing keys and their rotation, the token exchange, and the decoder of every accepted token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuthProperties.class)
class OAuthConfiguration implements WebMvcConfigurer {

    private final OAuthProperties properties;
    private final Environment environment;

    OAuthConfiguration(OAuthProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantTokenScope(new OAuthIssuer(environment, properties)));
    }

    private static final Logger log = LoggerFactory.getLogger(OAuthConfiguration.class);

    @Bean
    OAuthIssuer oauthIssuer(Environment environment, OAuthProperties properties) {
        return new OAuthIssuer(environment, properties);
    }

    @Bean
    SigningKeys signingKeys(
            JdbcTemplate jdbc, TransactionTemplate transactions, PrivacySecret secret, OAuthProperties properties) {
        return new SigningKeys(jdbc, transactions, secret, properties, Clock.systemUTC());
    }

    /** Checks the signing key's age every {@code tenantry.oauth.key-rotation-check} and rotates it when due. */
    @Bean(destroyMethod = "shutdown")
    TaskScheduler signingKeyRotation(SigningKeys keys, OAuthProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("signing-key-rotation-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        keys.rotateIfDue();
                    } catch (RuntimeException e) {
                        log.warn("Could not check the signing key's age: {}", e.getMessage());
                    }
                },
                java.time.Instant.now().plus(properties.keyRotationCheck()),
                properties.keyRotationCheck());
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
