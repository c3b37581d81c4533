package io.tenantry.app.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.stripe.*}: the secret API key (none: billing runs locally, nothing is charged), the API's base URL
 * (Stripe's own, or a test double's), the webhook signing secret, and how long to wait for Stripe.
 */
@ConfigurationProperties("tenantry.stripe")
public record StripeProperties(
        String apiKey,
        String apiBase,
        String webhookSecret,
        Duration webhookTolerance,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxNetworkRetries) {

    public StripeProperties {
        apiKey = blankToNull(apiKey);
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        webhookSecret = blankToNull(webhookSecret);
        webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        maxNetworkRetries = maxNetworkRetries == null ? 1 : maxNetworkRetries;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
