package io.tenantry.contracts.audit;

import java.util.List;

/** A page of history: {@code total} events in all, these starting at {@code offset}. */
public record EventHistoryPage(List<EventHistoryEntry> items, long total, int offset, int limit) {

    public EventHistoryPage {
        items = List.copyOf(items);
    }
}
