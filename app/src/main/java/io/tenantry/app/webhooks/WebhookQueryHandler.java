package io.tenantry.app.webhooks;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookQueries.FindWebhookEndpointQuery;
import io.tenantry.contracts.webhook.WebhookQueries.ListWebhookDeliveriesQuery;
import io.tenantry.contracts.webhook.WebhookQueries.ListWebhookEndpointsQuery;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookDeliveryPage;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookDeliveryView;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookEndpointList;
import io.tenantry.contracts.webhook.WebhookQueries.WebhookEndpointView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** Answers the webhook queries from {@code webhook_endpoint} and {@code webhook_delivery}; never a secret. */
final class WebhookQueryHandler {

    private static final Set<String> STATUSES =
            Set.of(WebhookDeliveryStore.PENDING, WebhookDeliveryStore.DELIVERED, WebhookDeliveryStore.FAILED);
    private static final String ENDPOINT_COLUMNS =
            "endpoint_id, tenant_id, url, event_types, description, enabled, disabled_reason, created_at,"
                    + " updated_at, previous_valid_until";

    private final JdbcTemplate jdbc;

    WebhookQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    WebhookEndpointList handle(ListWebhookEndpointsQuery query) {
        return new WebhookEndpointList(
                query.tenantId() == null
                        ? jdbc.query(
                                "select " + ENDPOINT_COLUMNS + " from webhook_endpoint where tenant_id is null"
                                        + " order by created_at, endpoint_id",
                                WebhookQueryHandler::endpoint)
                        : jdbc.query(
                                "select " + ENDPOINT_COLUMNS + " from webhook_endpoint where tenant_id = ?"
                                        + " order by created_at, endpoint_id",
                                WebhookQueryHandler::endpoint,
                                query.tenantId()));
    }

    @QueryHandler
    WebhookEndpointView handle(FindWebhookEndpointQuery query) {
        return find(query.tenantId(), query.endpointId());
    }

    @QueryHandler
    WebhookDeliveryPage handle(ListWebhookDeliveriesQuery query) {
        if (find(query.tenantId(), query.endpointId()) == null) {
            return null;
        }
        if (query.status() != null && !STATUSES.contains(query.status())) {
            throw DomainRefusal.invalid("invalid_delivery_status", "status is one of PENDING, DELIVERED and FAILED.");
        }
        long before;
        try {
            before = query.cursor() == null ? Long.MAX_VALUE : Long.parseLong(query.cursor());
        } catch (NumberFormatException e) {
            throw DomainRefusal.invalid("invalid_cursor", "This cursor is not one a page gave.");
        }
        int limit = Math.max(1, Math.min(query.limit(), 200));
        List<Object> arguments = new ArrayList<>(List.of(query.endpointId(), before));
        String status = "";
        if (query.status() != null) {
            status = " and status = ?";
            arguments.add(query.status());
        }
        arguments.add(limit + 1);
        List<Row> rows = jdbc.query(
                """
                select seq, id, event_id, event_type, status, attempts, last_response_code, last_latency_ms,
                       last_error, created_at, last_attempt_at, next_attempt_at
                  from webhook_delivery where endpoint_id = ? and seq < ?""" + status + " order by seq desc limit ?",
                (row, n) -> new Row(
                        row.getLong(1),
                        new WebhookDeliveryView(
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getInt(6),
                                (Integer) row.getObject(7),
                                (Long) row.getObject(8),
                                row.getString(9),
                                instant(row.getTimestamp(10)),
                                instant(row.getTimestamp(11)),
                                WebhookDeliveryStore.PENDING.equals(row.getString(5))
                                        ? instant(row.getTimestamp(12))
                                        : null)),
                arguments.toArray());
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        return new WebhookDeliveryPage(
                page.stream().map(Row::view).toList(),
                more ? Long.toString(page.get(page.size() - 1).seq()) : null);
    }

    private record Row(long seq, WebhookDeliveryView view) {}

    private WebhookEndpointView find(String tenantId, String endpointId) {
        return jdbc
                .query(
                        "select " + ENDPOINT_COLUMNS + " from webhook_endpoint where endpoint_id = ?",
                        WebhookQueryHandler::endpoint,
                        endpointId)
                .stream()
                .filter(endpoint -> java.util.Objects.equals(endpoint.tenantId(), tenantId))
                .findFirst()
                .orElse(null);
    }

    private static WebhookEndpointView endpoint(ResultSet row, int n) throws SQLException {
        return new WebhookEndpointView(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                List.of(row.getString(4).split(" ")),
                row.getString(5),
                row.getBoolean(6) ? "ENABLED" : "DISABLED",
                row.getString(7),
                instant(row.getTimestamp(8)),
                instant(row.getTimestamp(9)),
                instant(row.getTimestamp(10)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
