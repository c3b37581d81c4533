package io.tenantry.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code eventProcessors} in {@code /actuator/health}: down while any event processor is in error (a handler keeps
 * failing: it is retried, never skipped), is stopped, or is stuck: behind the head without moving for
 * {@code tenantry.health.processor-stall-after} (default 2 min). Each processor's state and lag are its details.
 */
@Component("eventProcessors")
class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionAdmin admin;
    private final Duration stallAfter;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    private record Progress(Long position, Instant since) {}

    ProcessorsHealthIndicator(
            ProjectionAdmin admin, @Value("${tenantry.health.processor-stall-after:2m}") Duration stallAfter) {
        super("Event processor health check failed");
        this.admin = admin;
        this.stallAfter = stallAfter;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (ProjectionStatus status : admin.statuses()) {
            if ("subscribing".equals(status.state())) {
                continue;
            }
            String verdict = status.state();
            if ("error".equals(verdict) || "stopped".equals(verdict)) {
                healthy = false;
            } else if (stalled(status, now)) {
                verdict = "stalled";
                healthy = false;
            }
            details.put(status.name(), Map.of("state", verdict, "lag", status.lag() == null ? -1 : status.lag()));
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }

    private boolean stalled(ProjectionStatus status, Instant now) {
        Progress last = progress.compute(
                status.name(),
                (name, before) -> before == null || !java.util.Objects.equals(before.position(), status.position())
                        ? new Progress(status.position(), now)
                        : before);
        boolean behind = status.lag() != null && status.lag() > 0;
        return behind && Duration.between(last.since(), now).compareTo(stallAfter) > 0;
    }
}
