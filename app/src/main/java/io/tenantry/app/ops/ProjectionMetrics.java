package io.tenantry.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per event processor: {@code tenantry.projection.lag} (events behind the store's head), {@code .position} and
 * {@code .replaying} (1 while a rebuild replays), tagged {@code processor}. Axon's own Micrometer monitors add
 * commands handled, events published and processed, and query latency. Registered once the app is ready, when every
 * processor exists.
 */
@Component
class ProjectionMetrics {

    private final ProjectionAdmin admin;
    private final MeterRegistry registry;

    ProjectionMetrics(ProjectionAdmin admin, MeterRegistry registry) {
        this.admin = admin;
        this.registry = registry;
    }

    /** Once the processors are all configured and started. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        admin.statuses().stream()
                .filter(status -> !"subscribing".equals(status.state()))
                .forEach(status -> {
                    String name = status.name();
                    Gauge.builder("tenantry.projection.lag", admin, a -> value(a, name, "lag"))
                            .tag("processor", name)
                            .description("events between the processor and the event store's head")
                            .register(registry);
                    Gauge.builder("tenantry.projection.position", admin, a -> value(a, name, "position"))
                            .tag("processor", name)
                            .register(registry);
                    Gauge.builder("tenantry.projection.replaying", admin, a -> value(a, name, "replaying"))
                            .tag("processor", name)
                            .register(registry);
                });
    }

    private static double value(ProjectionAdmin admin, String name, String what) {
        return admin.status(name)
                .map(status -> switch (what) {
                    case "lag" ->
                        status.lag() == null ? Double.NaN : status.lag().doubleValue();
                    case "position" ->
                        status.position() == null
                                ? Double.NaN
                                : status.position().doubleValue();
                    default -> status.replaying() ? 1.0 : 0.0;
                })
                .orElse(Double.NaN);
    }
}
