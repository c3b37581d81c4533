package io.tenantry.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Idempotency-Key filter, right after Spring Security's filters (it needs the caller). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, properties, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper) {
        IdempotencyFilter filter = new IdempotencyFilter(store, objectMapper);
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * Expired answers are deleted every {@code tenantry.idempotency.purge-every} (a claim takes over an expired key
     * by itself, so this only keeps the table small).
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService idempotencyPurge(
            IdempotencyStore store, @Value("${tenantry.idempotency.purge-every:PT10M}") Duration every) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(
                () -> {
                    try {
                        store.purgeExpired();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Expired Idempotency-Keys were not purged this time (next try in {}): {}",
                                every,
                                e.toString());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return purge;
    }
}
