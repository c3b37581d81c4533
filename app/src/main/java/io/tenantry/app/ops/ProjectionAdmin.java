package io.tenantry.app.ops;

import io.tenantry.contracts.DomainRefusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The event processors of this process: their status, and the rebuild of a read model. A rebuild stops the
 * processor, resets its tokens (its {@code @ResetHandler} empties its tables) and starts it again: it replays the
 * event store from the start while the app goes on serving (reads of that model are incomplete until it has caught
 * up; its status says {@code replaying} and its lag shrinks to 0).
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorErrors failures;
    private final Map<String, Object> rebuilding = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, ProcessorErrors failures) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.failures = failures;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        List<ProjectionStatus> statuses = new ArrayList<>();
        processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .forEach(processor -> statuses.add(status(processor, head)));
        return statuses;
    }

    public Optional<ProjectionStatus> status(String name) {
        return processing.eventProcessor(name).map(processor -> status(processor, head()));
    }

    /**
     * Resets and replays a read model; answers its status once it has started over.
     *
     * @throws DomainRefusal 404 for a processor this process does not run, 409 for one that is not a read model
     */
    public ProjectionStatus rebuild(String name) {
        EventProcessor processor = processing
                .eventProcessor(name)
                .orElseThrow(() -> DomainRefusal.notFound(
                        "projection_not_found",
                        "This process runs no event processor '" + name + "'; see GET /api/admin/projections."));
        if (!(processor instanceof StreamingEventProcessor tracking) || !tracking.supportsReset()) {
            throw DomainRefusal.conflict(
                    "not_rebuildable",
                    "'" + name + "' is not a read model that can be reset and "
                            + "replayed (sagas, the Kafka publisher and the command side's lookups are not).");
        }
        synchronized (rebuilding.computeIfAbsent(name, key -> new Object())) {
            log.info("Rebuilding read model {} from the event store", name);
            tracking.shutDown();
            tracking.resetTokens();
            tracking.start();
        }
        return status(tracking, head());
    }

    /** The names of the read models (processors that can be rebuilt). */
    public List<String> rebuildable() {
        return processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor tracking && tracking.supportsReset())
                .map(EventProcessor::getName)
                .sorted()
                .toList();
    }

    private int segmentCount(String name) {
        try {
            return processing.tokenStore(name).fetchSegments(name).length;
        } catch (RuntimeException e) {
            return 0; // the token store is away: no claim to tell about either
        }
    }

    long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        if (!(processor instanceof StreamingEventProcessor tracking)) {
            return new ProjectionStatus(
                    processor.getName(), "subscribing", false, false, null, null, null, 0, List.of());
        }
        Collection<EventTrackerStatus> segments = tracking.processingStatus().values();
        List<String> errors = new ArrayList<>(segments.stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .toList());
        if (errors.isEmpty()) {
            // a pooled processor whose batch failed holds no claim on the segment while it backs off
            failures.recent(processor.getName())
                    .filter(failure -> segments.size() < segmentCount(processor.getName()))
                    .ifPresent(failure -> errors.add(String.valueOf(failure.error())));
        }
        OptionalLong position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(java.util.OptionalLong::isPresent)
                .mapToLong(java.util.OptionalLong::getAsLong)
                .min();
        Long at = position.isPresent() ? position.getAsLong() : null;
        boolean replaying = tracking.isReplaying();
        String state =
                !errors.isEmpty() ? "error" : !tracking.isRunning() ? "stopped" : replaying ? "replaying" : "running";
        Long lag = null;
        if (at != null) {
            lag = Math.max(0, head - at);
        } else if (head < 0) {
            lag = 0L; // an empty store: nothing to be behind
        }
        return new ProjectionStatus(
                processor.getName(),
                state,
                tracking.supportsReset(),
                replaying,
                at,
                head,
                lag,
                segments.size(),
                errors);
    }
}
