package io.tenantry.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tenantry.contracts.dashboard.DashboardQueries.DashboardStats;
import io.tenantry.contracts.dashboard.DashboardQueries.DashboardStatsQuery;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The operators' dashboard API, for {@code partner-admin} (see the security route table). */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final QueryGateway queries;
    private final LifecycleStream stream;
    private final DashboardProperties properties;

    DashboardController(QueryGateway queries, LifecycleStream stream, DashboardProperties properties) {
        this.queries = queries;
        this.stream = stream;
        this.properties = properties;
    }

    @Operation(
            summary = "The dashboard's figures",
            description = "Tenants by status, tier and plan; the leads funnel; members and teams of live tenants; the "
                    + "newest lifecycle events (as the catch-up feed gives them, newest first) and the newest "
                    + "provisioning and deprovisioning failures.")
    @GetMapping("/stats")
    DashboardStats stats() {
        return queries.query(
                        new DashboardStatsQuery(properties.recentEvents(), properties.recentFailures()),
                        DashboardStats.class)
                .join();
    }

    @Operation(
            summary = "Lifecycle events as they happen (server-sent events)",
            description = "Each event: `id` its global position, `event` its CloudEvents type, `data` the CloudEvent "
                    + "as the catch-up feed gives it. With `Last-Event-ID` the events after that position come "
                    + "first, then the live ones, without gaps or duplicates. A comment line every "
                    + "`tenantry.dashboard.heartbeat`; the server ends a stream after `stream-timeout` (reconnect "
                    + "with `Last-Event-ID`).")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @Parameter(description = "the `id` of the last event received")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    @Min(0)
                    Long lastEventId,
            HttpServletResponse response) {
        // a buffering proxy (nginx) would hold the events back
        response.setHeader("X-Accel-Buffering", "no");
        return stream.connect(lastEventId);
    }
}
