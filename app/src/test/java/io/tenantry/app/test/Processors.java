package io.tenantry.app.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Test helpers around tracking processors: replay one from the start of the event store, wait for it to catch up. */
public final class Processors {

    private Processors() {}

    /**
     * Resets the processor's tokens (its reset handlers clear the read model) and waits until it is back at the head.
     */
    public static void replay(EventProcessingConfiguration configuration, EventStore eventStore, String name) {
        StreamingEventProcessor processor = configuration
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + name));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        TrackingToken head = eventStore.createHeadToken();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !processor.isReplaying()
                        && !processor.processingStatus().isEmpty() // its segments claimed again, not just started
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1L)
                                        >= head.position().orElse(0L)));
    }
}
