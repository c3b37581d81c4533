package io.tenantry.app.billing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantry.app.usage.UsageProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage reported to Stripe's billing meters, on the command role (which fills the outbox): the reporter runs when
 * billing goes through Stripe ({@code tenantry.stripe.api-key}); with local billing nothing is reported. The outbox's
 * rows waiting and refused for good are gauges ({@code tenantry_usage_meter_events{state}}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!query")
class UsageMeterConfiguration {

    @Bean
    @Conditional(StripeBilling.class)
    UsageMeterReporter usageMeterReporter(JdbcTemplate jdbc, StripeProperties stripe, UsageProperties properties) {
        return new UsageMeterReporter(jdbc, BillingConfiguration.stripeClient(stripe), properties, Clock.systemUTC());
    }

    @Bean
    OutboxGauges usageMeterGauges(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("tenantry.usage.meter.events", jdbc, j -> count(j, "failed_at is null"))
                .description("usage records waiting to be reported to a Stripe billing meter")
                .tag("state", "pending")
                .register(registry);
        Gauge.builder("tenantry.usage.meter.events", jdbc, j -> count(j, "failed_at is not null"))
                .description("usage records Stripe refused for good (see usage_meter_outbox.last_error)")
                .tag("state", "failed")
                .register(registry);
        return new OutboxGauges();
    }

    /** The outbox's gauges, registered. */
    static final class OutboxGauges {}

    private static double count(JdbcTemplate jdbc, String condition) {
        try {
            Long count = jdbc.queryForObject("select count(*) from usage_meter_outbox where " + condition, Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Whether billing goes through Stripe: an API key is set. */
    static final class StripeBilling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String key = context.getEnvironment().getProperty("tenantry.stripe.api-key");
            return key != null && !key.isBlank();
        }
    }
}
