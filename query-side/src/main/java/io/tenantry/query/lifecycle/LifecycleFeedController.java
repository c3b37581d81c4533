package io.tenantry.query.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tenantry.contracts.lifecycle.LifecycleEventPage;
import io.tenantry.contracts.lifecycle.LifecycleEventsQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lifecycle catch-up feed, for {@code partner-admin} (see the security route table). */
@RestController
@RequestMapping("/api/lifecycle")
class LifecycleFeedController {

    static final int MAX_LIMIT = 1000;

    private final QueryGateway queries;

    LifecycleFeedController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Tenant lifecycle events after a position",
            description = "The CloudEvents of the lifecycle topic (same ids, same content), read from the event store "
                    + "in its order, so a consumer can start from zero whatever the topic still retains. Pass "
                    + "`next` as `after` to read on; `next` equals `after` while nothing new is there.")
    @GetMapping("/events")
    LifecycleEventPage events(
            @Parameter(
                            description = "the position of the last event already read (an event's `position`, or a "
                                    + "page's `next`); 0 for the first")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    long after,
            @Parameter(description = "at most this many events")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        return queries.query(new LifecycleEventsQuery(after, limit), LifecycleEventPage.class)
                .join();
    }
}
