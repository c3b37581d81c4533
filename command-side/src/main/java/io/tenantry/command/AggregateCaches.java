package io.tenantry.command;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The Tenant and Subscription aggregates stay in memory between commands (Axon's caching repository over Caffeine),
 * so a member add or a plan change does not read the aggregate's whole stream again.
 *
 * <p>Several command processes may write one event store: a cached aggregate another process has changed since
 * appends an event whose sequence number is taken, the store refuses it (unique key), the unit of work rolls back and
 * drops the cached copy, and the command gateway runs the command again on the aggregate read afresh. Nothing is lost
 * and nothing stored twice; the caller sees one answer.
 *
 * <p>A tenant holds its contacts' personal data in plain text while in memory. Erasure (crypto-shredding) empties the
 * tenant cache on every node: {@link ErasureEviction} runs per node from the head of the store, like the dashboard's
 * stream, so no process answers with a person's data once their erasure has been stored and seen.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaches {

    static final String ERASURE_EVICTION = "aggregate-cache-eviction";

    /** A cache manager of this application context's own (several contexts may share a JVM, in tests). */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        return provider.getCacheManager(
                URI.create("tenantry-aggregates-" + UUID.randomUUID()), AggregateCaches.class.getClassLoader());
    }

    @Bean
    Cache tenantCache(
            CacheManager aggregateCacheManager, @Value("${tenantry.axon.aggregate-cache-size:20000}") long size) {
        return cache(aggregateCacheManager, "tenant-aggregates", size);
    }

    @Bean
    Cache subscriptionCache(
            CacheManager aggregateCacheManager, @Value("${tenantry.axon.aggregate-cache-size:20000}") long size) {
        return cache(aggregateCacheManager, "subscription-aggregates", size);
    }

    private static Cache cache(CacheManager caches, String name, long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(size));
        // the aggregate itself, not a serialized copy (JSR-107's default): aggregates are not Serializable
        configuration.setStoreByValue(false);
        return new JCacheAdapter(caches.createCache(name, configuration));
    }

    /**
     * Runs a command again, at most twice, when the event store refused its events because the aggregate had moved
     * on (another process, or a stale cached copy); any other failure is the command's answer at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler scheduler = new StaleAggregateRetry(IntervalRetryScheduler.builder()
                .retryExecutor(retries)
                .retryInterval(5)
                .maxRetryCount(2));
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(scheduler)
                .build(); // Axon's auto-configuration adds the dispatch interceptors
    }

    /** Retries a command whose failure is, anywhere in its causes, a {@link ConcurrencyException}; nothing else. */
    private static final class StaleAggregateRetry extends IntervalRetryScheduler {

        StaleAggregateRetry(IntervalRetryScheduler.Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !isStaleAggregate(failure);
        }
    }

    private static boolean isStaleAggregate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** This node's {@link ErasureEviction}: token in memory, from the head of the store. */
    @Bean
    ConfigurerModule erasureEvictionProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        ERASURE_EVICTION,
                        c -> c.eventStore(),
                        (c, builder) ->
                                builder.initialSegmentCount(1).initialToken(StreamableMessageSource::createHeadToken))
                .registerTokenStore(ERASURE_EVICTION, c -> new InMemoryTokenStore())
                .registerTransactionManager(ERASURE_EVICTION, c -> NoTransactionManager.INSTANCE));
    }

    /** Empties the tenant cache when a person's data is erased, so no cached tenant holds it any more. */
    @Component
    @DisallowReplay
    @ProcessingGroup(ERASURE_EVICTION)
    static class ErasureEviction {

        private final Cache tenantCache;

        ErasureEviction(@Qualifier("tenantCache") Cache tenantCache) {
            this.tenantCache = tenantCache;
        }

        @EventHandler
        void on(PersonalDataErasedEvent event) {
            tenantCache.removeAll();
        }
    }
}
