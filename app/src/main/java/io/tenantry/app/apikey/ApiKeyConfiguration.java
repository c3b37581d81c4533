package io.tenantry.app.apikey;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tenant API keys on every role: authenticating them, noting their uses; listing them on the query role. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyConfiguration {

    @Bean
    ApiKeyStore apiKeyStore(JdbcTemplate jdbc) {
        return new ApiKeyStore(jdbc);
    }

    /** The uses noted last are written on shutdown too. */
    @Bean(destroyMethod = "flush")
    ApiKeyUses apiKeyUses(ApiKeyStore store, ApiKeyProperties properties) {
        return new ApiKeyUses(store, properties);
    }

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store, ApiKeyUses uses, ApiKeyProperties properties) {
        return new ApiKeyAuthenticator(store, uses, properties, Clock.systemUTC());
    }

    /** Writes the keys' noted uses every {@code tenantry.api-keys.last-used-flush}. */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService apiKeyUseWriter(ApiKeyUses uses, ApiKeyProperties properties) {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-key-uses");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.lastUsedFlush().toMillis();
        writer.scheduleWithFixedDelay(uses::flush, every, every, TimeUnit.MILLISECONDS);
        return writer;
    }
}
