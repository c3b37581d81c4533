package io.tenantry.app.billing;

import com.stripe.StripeClient;
import io.tenantry.command.subscription.BillingGateway;
import io.tenantry.command.subscription.LocalBillingGateway;
import io.tenantry.command.subscription.StripeNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Billing's wiring: Stripe when {@code tenantry.stripe.api-key} is set, otherwise local billing (the same events,
 * nothing charged), and says which at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    BillingGateway billingGateway(StripeProperties properties) {
        if (properties.apiKey() == null) {
            log.info("Billing runs locally: no Stripe API key (tenantry.stripe.api-key), so subscriptions and plan "
                    + "changes are recorded with their events and nothing is charged.");
            return new LocalBillingGateway();
        }
        log.info("Billing through Stripe at {}", properties.apiBase());
        return new StripeBillingGateway(stripeClient(properties));
    }

    /** A client of Stripe's API as configured: its base URL, timeouts and retries. */
    static StripeClient stripeClient(StripeProperties properties) {
        return StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .build();
    }

    @Bean
    StripeNotices stripeNotices(StripeProperties properties) {
        if (properties.webhookSecret() == null) {
            log.info("Stripe webhooks are off: no signing secret (tenantry.stripe.webhook-secret)");
        }
        return new StripeWebhookNotices(
                properties.webhookSecret(), properties.webhookTolerance().toSeconds());
    }
}
