package io.tenantry.command.subscription;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of billing's lookups ({@link BillingAccounts}, {@link PlanChangeIndex}): subscribing, so they
 * are written in the same transaction as the events they follow, and failing loudly, so they never fall behind.
 */
@Configuration(proxyBeanMethods = false)
class BillingLookups {

    static final String PROCESSING_GROUP = "billing-lookups";

    @Bean
    ConfigurerModule billingLookupsProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
