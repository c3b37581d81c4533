package io.tenantry.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenantry.app.test.TenantryIntegrationTest;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How events are processed: no handler failure is ever skipped, and each processor runs in the mode it needs. */
@TenantryIntegrationTest
class EventProcessingIT {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void neverSkipsAnEventWhoseHandlerFailed() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing
                .eventProcessors()
                .keySet()
                .forEach(name -> assertThat(processing.listenerInvocationErrorHandler(name))
                        .as(name)
                        .isSameAs(PropagatingErrorHandler.instance()));
    }

    @Test
    void keepsTheSlugLookupInTheCommandsTransactionAndTheReadModelsStreaming() {
        assertThat(processing.eventProcessor("tenant-slugs")).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor("tenant-directory"))
                .get()
                .isInstanceOf(PooledStreamingEventProcessor.class);
    }

    @Test
    void publishesTheLifecycleTopicFromOneSegmentInTheStoresOrder() {
        PooledStreamingEventProcessor lifecycle = processing
                .eventProcessor("tenant-lifecycle-topic", PooledStreamingEventProcessor.class)
                .orElseThrow();
        // one segment covering every event: its mask selects nothing, so everything falls in segment 0
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(lifecycle.processingStatus().values())
                        .singleElement()
                        .satisfies(status ->
                                assertThat(status.getSegment().getMask()).isZero()));
    }
}
