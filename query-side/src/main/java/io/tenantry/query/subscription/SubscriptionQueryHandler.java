package io.tenantry.query.subscription;

import io.tenantry.contracts.subscription.SubscriptionQueries.FindSubscriptionQuery;
import io.tenantry.contracts.subscription.SubscriptionQueries.InvoicePage;
import io.tenantry.contracts.subscription.SubscriptionQueries.ListInvoicesQuery;
import io.tenantry.contracts.subscription.SubscriptionView;
import io.tenantry.projections.subscription.SubscriptionDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers subscription and invoice queries from their read models. */
@Component
class SubscriptionQueryHandler {

    private final SubscriptionDirectory directory;

    SubscriptionQueryHandler(SubscriptionDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Optional<SubscriptionView> handle(FindSubscriptionQuery query) {
        return directory.find(query.tenantId());
    }

    @QueryHandler
    InvoicePage handle(ListInvoicesQuery query) {
        return directory.invoices(query.tenantId(), query.offset(), query.limit());
    }
}
