package io.tenantry.projections.lifecycle;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.lifecycle}: the tenant lifecycle topic and the catch-up feed.
 *
 * @param publish        whether the {@code tenant-lifecycle-topic} processor publishes at all
 * @param topic          the Kafka topic, created when missing
 * @param partitions     its partitions when this application creates it
 * @param source         the CloudEvents {@code source} of every lifecycle event
 * @param sendTimeout    how long one publication may wait for the broker's acknowledgement (and for the broker to
 *                       be reachable) before the processor gives up and retries; keep it below the token claim timeout
 * @param feedGapTimeout how long the catch-up feed waits for a missing global position to fill (a transaction that
 *                       took it may still commit) before it reads past it
 */
@ConfigurationProperties("tenantry.lifecycle")
public record LifecycleProperties(
        boolean publish, String topic, int partitions, String source, Duration sendTimeout, Duration feedGapTimeout) {

    public LifecycleProperties {
        Objects.requireNonNull(topic, "tenantry.lifecycle.topic");
        Objects.requireNonNull(source, "tenantry.lifecycle.source");
        Objects.requireNonNull(sendTimeout, "tenantry.lifecycle.send-timeout");
        Objects.requireNonNull(feedGapTimeout, "tenantry.lifecycle.feed-gap-timeout");
    }
}
