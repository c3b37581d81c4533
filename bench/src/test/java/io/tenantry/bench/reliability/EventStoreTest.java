package io.tenantry.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.contracts.entitlement.UsageThresholdReachedEvent;
import io.tenantry.projections.lifecycle.LifecycleCloudEvents;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reliability check's lifecycle types follow the app's mapping (a type missing there looks like a stray id). */
class EventStoreTest {

    @Test
    void listsEveryTypeOfTheTenantStreamThatTheAppPublishes() {
        Set<String> published = LifecycleCloudEvents.types().keySet().stream()
                // published outside the tenant's stream, and by no load of the battery
                .filter(type -> type != UsageThresholdReachedEvent.class)
                .map(Class::getName)
                .collect(Collectors.toSet());
        assertThat(EventStore.LIFECYCLE_TYPES).containsExactlyInAnyOrderElementsOf(published);
    }
}
