package io.tenantry.app.usage;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.app.usage.UsageRequests.Accepted;
import io.tenantry.contracts.Caller;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage ingest: {@code POST /api/tenants/{tenantId}/usage} (the tenant's OWNERs and ADMINs, partner admins) and
 * {@code POST /api/usage} (partner admins: platform services reporting for many tenants). Each record counts once by
 * its tenant and id, however often it is sent.
 */
@RestController
@Profile("!query") // the command role's: it writes
class UsageController {

    private final UsageIngest ingest;

    UsageController(UsageIngest ingest) {
        this.ingest = ingest;
    }

    @Operation(summary = "Report a tenant's usage (1 to 1,000 records, each counted once by its id)")
    @PostMapping("/api/tenants/{tenantId}/usage")
    Accepted tenantUsage(@PathVariable String tenantId, @RequestBody UsageRequests.TenantRecords body, Caller caller) {
        return ingest.ingest(caller, tenantId, body.records());
    }

    @Operation(summary = "Report usage of many tenants (1 to 1,000 records, each naming its tenant)")
    @PostMapping("/api/usage")
    Accepted usage(@RequestBody UsageRequests.Records body, Caller caller) {
        return ingest.ingest(caller, body.records());
    }
}
