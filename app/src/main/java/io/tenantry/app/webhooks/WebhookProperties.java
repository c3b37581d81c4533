package io.tenantry.app.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tenantry.webhooks}: customer webhooks.
 *
 * @param send                   whether this process sends deliveries at all (the command role's sender)
 * @param allowPrivate           lift the public-address rule and allow {@code http://}: a receiver on this machine or
 *                               network (tests, benchmarks), never production
 * @param timeout                one attempt's whole call (connect, send, answer)
 * @param retryInitialInterval   the first retry's back-off ceiling; it doubles per attempt (full jitter below it)
 * @param retryMaxInterval       the back-off's cap
 * @param giveUpAfter            a delivery still failing this long after it was queued is FAILED
 * @param disableAfter           an endpoint failing this long with no success since is disabled (reason FAILING)
 * @param lease                  how long a claimed delivery is held by its sender; after it, the row is due again
 *                               (a sender killed mid-delivery); longer than {@code timeout}
 * @param pollInterval           how often an idle sender looks for due deliveries
 * @param batchSize              how many due deliveries one claim takes at most
 * @param maxInFlight            how many attempts one process has under way at once
 * @param perEndpointConcurrency how many of them one endpoint may hold (a slow endpoint holds no more)
 */
@ConfigurationProperties("tenantry.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean send,
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration retryInitialInterval,
        @DefaultValue("1h") Duration retryMaxInterval,
        @DefaultValue("3d") Duration giveUpAfter,
        @DefaultValue("3d") Duration disableAfter,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("16") int perEndpointConcurrency) {}
