package io.tenantry.contracts.lifecycle;

import java.util.List;

/**
 * A page of the catch-up feed. {@code next} is the {@code after} of the next page: past every event this page read,
 * lifecycle event or not, so paging never stalls on other events; it equals the request's {@code after} when
 * nothing new is there yet.
 */
public record LifecycleEventPage(List<LifecycleNotice> events, long next) {

    public LifecycleEventPage {
        events = List.copyOf(events);
    }
}
