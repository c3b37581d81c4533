package io.tenantry.app.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Usage metering ({@code tenantry.usage.*}).
 *
 * @param maxAge        how old a record's timestamp may be (Stripe takes meter events of the last 35 days)
 * @param maxAhead      how far ahead of the server's clock a record's timestamp may be
 * @param meterPoll     how often the meter reporter looks for records to report to Stripe when it found none
 * @param meterBatch    how many records the reporter claims at a time
 * @param meterLease    how long a claimed record is left to the node that claimed it before another may take it
 * @param meterRetry    the first back-off after a failed report (doubled per attempt, with jitter)
 * @param meterRetryMax the longest back-off
 */
@ConfigurationProperties("tenantry.usage")
public record UsageProperties(
        @DefaultValue("35d") Duration maxAge,
        @DefaultValue("5m") Duration maxAhead,
        @DefaultValue("1s") Duration meterPoll,
        @DefaultValue("50") int meterBatch,
        @DefaultValue("5m") Duration meterLease,
        @DefaultValue("1s") Duration meterRetry,
        @DefaultValue("10m") Duration meterRetryMax) {}
