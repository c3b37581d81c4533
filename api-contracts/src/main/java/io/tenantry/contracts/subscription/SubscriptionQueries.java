package io.tenantry.contracts.subscription;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;
import java.util.List;

/** Queries on the subscriptions and invoices read models. */
public final class SubscriptionQueries {

    private SubscriptionQueries() {}

    /** A tenant's subscription; an empty {@code Optional<SubscriptionView>} before it started. */
    public record FindSubscriptionQuery(String tenantId) {}

    /** A tenant's invoices, newest first; an {@link InvoicePage}. */
    public record ListInvoicesQuery(
            String tenantId, @JsonUnwrapped PageRequest page) {}

    public record InvoicePage(List<InvoiceView> items, long total, int offset, int limit) {
        public InvoicePage {
            items = List.copyOf(items);
        }
    }
}
