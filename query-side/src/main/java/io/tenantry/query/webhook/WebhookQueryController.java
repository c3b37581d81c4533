package io.tenantry.query.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookQueries.FindWebhookEndpointQuery;
import io.tenantry.contracts.webhook.WebhookQueries.ListWebhookDeliveriesQuery;
import io.tenantry.contracts.webhook.WebhookQueries.ListWebhookEndpointsQuery;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookDeliveryPage;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookEndpointList;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookEndpointView;
import io.tenantry.query.tenant.TenantReadAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints and their deliveries as their owners see them (never a secret): a tenant's to its OWNERs and
 * ADMINs (and partner-admins), the platform's to partner-admins (the security chain admits no one else there).
 */
@RestController
class WebhookQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    WebhookQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List a tenant's webhook endpoints (OWNER, ADMIN)")
    @GetMapping("/api/tenants/{tenantId}/webhooks")
    WebhookEndpointList list(@PathVariable String tenantId, Caller caller) {
        access.requireManager(caller, tenantId);
        return queries.query(new ListWebhookEndpointsQuery(tenantId), WebhookEndpointList.class)
                .join();
    }

    @Operation(summary = "A tenant's webhook endpoint (OWNER, ADMIN)")
    @GetMapping("/api/tenants/{tenantId}/webhooks/{endpointId}")
    WebhookEndpointView one(@PathVariable String tenantId, @PathVariable String endpointId, Caller caller) {
        access.requireManager(caller, tenantId);
        return endpoint(tenantId, endpointId);
    }

    @Operation(summary = "A tenant's webhook endpoint's deliveries, newest first (OWNER, ADMIN)")
    @GetMapping("/api/tenants/{tenantId}/webhooks/{endpointId}/deliveries")
    WebhookDeliveryPage deliveries(
            @PathVariable String tenantId,
            @PathVariable String endpointId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Caller caller) {
        access.requireManager(caller, tenantId);
        return deliveryPage(tenantId, endpointId, status, cursor, limit);
    }

    @Operation(summary = "List the platform's webhook endpoints (partner-admin)")
    @GetMapping("/api/webhooks/endpoints")
    WebhookEndpointList platformList() {
        return queries.query(new ListWebhookEndpointsQuery(null), WebhookEndpointList.class)
                .join();
    }

    @Operation(summary = "A platform webhook endpoint (partner-admin)")
    @GetMapping("/api/webhooks/endpoints/{endpointId}")
    WebhookEndpointView platformOne(@PathVariable String endpointId) {
        return endpoint(null, endpointId);
    }

    @Operation(summary = "A platform webhook endpoint's deliveries, newest first (partner-admin)")
    @GetMapping("/api/webhooks/endpoints/{endpointId}/deliveries")
    WebhookDeliveryPage platformDeliveries(
            @PathVariable String endpointId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return deliveryPage(null, endpointId, status, cursor, limit);
    }

    private WebhookEndpointView endpoint(String tenantId, String endpointId) {
        WebhookEndpointView endpoint = queries.query(
                        new FindWebhookEndpointQuery(tenantId, endpointId),
                        ResponseTypes.instanceOf(WebhookEndpointView.class))
                .join();
        if (endpoint == null) {
            throw notFound(endpointId);
        }
        return endpoint;
    }

    private WebhookDeliveryPage deliveryPage(
            String tenantId, String endpointId, String status, String cursor, int limit) {
        WebhookDeliveryPage page = queries.query(
                        new ListWebhookDeliveriesQuery(tenantId, endpointId, status, cursor, limit),
                        ResponseTypes.instanceOf(WebhookDeliveryPage.class))
                .join();
        if (page == null) {
            throw notFound(endpointId);
        }
        return page;
    }

    private static DomainRefusal notFound(String endpointId) {
        return DomainRefusal.notFound("webhook_not_found", "There is no webhook endpoint " + endpointId + ".");
    }
}
