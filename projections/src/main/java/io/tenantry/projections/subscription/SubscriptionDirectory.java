package io.tenantry.projections.subscription;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.InvoiceData;
import io.tenantry.contracts.subscription.InvoiceStatus;
import io.tenantry.contracts.subscription.InvoiceView;
import io.tenantry.contracts.subscription.SubscriptionQueries.FindSubscriptionQuery;
import io.tenantry.contracts.subscription.SubscriptionQueries.InvoicePage;
import io.tenantry.contracts.subscription.SubscriptionQueries.ListInvoicesQuery;
import io.tenantry.contracts.subscription.SubscriptionStatus;
import io.tenantry.contracts.subscription.SubscriptionView;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions ({@code subscription_directory}, one row per tenant) and invoices ({@code invoice_directory})
 * read models; every change is guarded by the subscription version it brings, so replays and redeliveries are harmless.
 * It answers the subscription and invoice queries itself.
 */
@Repository
public class SubscriptionDirectory {

    private static final RowMapper<SubscriptionView> SUBSCRIPTION = (rs, i) -> new SubscriptionView(
            rs.getString("tenant_id"),
            rs.getString("subscription_id"),
            rs.getString("plan_id"),
            SubscriptionStatus.valueOf(rs.getString("status")),
            BillingMode.valueOf(rs.getString("billing_mode")),
            rs.getString("stripe_customer_id"),
            rs.getString("stripe_subscription_id"),
            instant(rs, "current_period_end"),
            instant(rs, "started_at"),
            instant(rs, "canceled_at"),
            rs.getObject("activated_at") != null,
            instant(rs, "activated_at"),
            instant(rs, "updated_at"));
    private static final RowMapper<InvoiceView> INVOICE = (rs, i) -> new InvoiceView(
            rs.getString("invoice_id"),
            rs.getString("tenant_id"),
            rs.getString("number"),
            rs.getLong("amount_due"),
            rs.getLong("amount_paid"),
            rs.getString("currency"),
            instant(rs, "period_start"),
            instant(rs, "period_end"),
            InvoiceStatus.valueOf(rs.getString("status")),
            rs.getString("hosted_invoice_url"),
            rs.getBoolean("payment_failed"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public SubscriptionDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** A (re)start: the row takes the plan and billing, and is no longer canceled. */
    void started(String tenantId, String subscriptionId, String planId, BillingLink billing, Instant at, long version) {
        writes.update(
                """
                insert into subscription_directory (tenant_id, subscription_id, plan_id, status, billing_mode,
                    stripe_customer_id, stripe_subscription_id, current_period_end, started_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set plan_id = excluded.plan_id, status = excluded.status,
                    billing_mode = excluded.billing_mode, stripe_customer_id = excluded.stripe_customer_id,
                    stripe_subscription_id = excluded.stripe_subscription_id,
                    current_period_end = excluded.current_period_end, started_at = excluded.started_at,
                    canceled_at = null, activated_at = null, updated_at = excluded.updated_at,
                    version = excluded.version
                where subscription_directory.version < excluded.version""",
                tenantId,
                subscriptionId,
                planId,
                billing.status().name(),
                billing.mode().name(),
                billing.customerId(),
                billing.subscriptionId(),
                utc(billing.currentPeriodEnd()),
                utc(at),
                utc(at),
                version);
    }

    void planChanged(String tenantId, String planId, Instant at, long version) {
        writes.update("""
                update subscription_directory set plan_id = ?, updated_at = ?, version = ?
                where tenant_id = ? and version < ?""", planId, utc(at), version, tenantId, version);
    }

    void linked(String tenantId, BillingLink billing, Instant at, long version) {
        writes.update(
                """
                update subscription_directory set status = ?, billing_mode = ?, stripe_customer_id = ?,
                    stripe_subscription_id = ?, current_period_end = ?, updated_at = ?, version = ?
                where tenant_id = ? and version < ?""",
                billing.status().name(),
                billing.mode().name(),
                billing.customerId(),
                billing.subscriptionId(),
                utc(billing.currentPeriodEnd()),
                utc(at),
                version,
                tenantId,
                version);
    }

    void status(String tenantId, SubscriptionStatus status, Instant canceledAt, Instant at, long version) {
        writes.update("""
                update subscription_directory set status = ?, canceled_at = coalesce(?, canceled_at), updated_at = ?,
                    version = ?
                where tenant_id = ? and version < ?
                """, status.name(), utc(canceledAt), utc(at), version, tenantId, version);
    }

    void activated(String tenantId, Instant at, long version) {
        writes.update("""
                update subscription_directory set activated_at = ?, updated_at = ?, version = ?
                where tenant_id = ? and version < ?""", utc(at), utc(at), version, tenantId, version);
    }

    /** Moves only the version, for events that show nowhere in the subscription row (invoices). */
    void touch(String tenantId, long version) {
        writes.updateLast(
                "subscription_directory.version " + tenantId,
                "update subscription_directory set version = ? where tenant_id = ? and version < ?",
                version,
                tenantId,
                version);
    }

    void invoiceRecorded(String tenantId, InvoiceData invoice, Instant at, long version) {
        writes.update(
                """
                insert into invoice_directory (invoice_id, tenant_id, number, amount_due, amount_paid, currency,
                    period_start, period_end, status, hosted_invoice_url, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""",
                invoice.invoiceId(),
                tenantId,
                invoice.number(),
                invoice.amountDue(),
                invoice.amountPaid(),
                invoice.currency(),
                utc(invoice.periodStart()),
                utc(invoice.periodEnd()),
                invoice.status().name(),
                invoice.hostedInvoiceUrl(),
                utc(at),
                utc(at),
                version);
    }

    void invoiceStatus(String invoiceId, InvoiceStatus status, long amountPaid, Instant at, long version) {
        writes.update("""
                update invoice_directory set status = ?, amount_paid = ?, updated_at = ?, version = ?
                where invoice_id = ? and version < ?
                """, status.name(), amountPaid, utc(at), version, invoiceId, version);
    }

    void invoicePaymentFailed(String invoiceId, Instant at, long version) {
        writes.update("""
                update invoice_directory set payment_failed = true, updated_at = ?, version = ?
                where invoice_id = ? and version < ?""", utc(at), version, invoiceId, version);
    }

    void deleteAll() {
        writes.update("delete from invoice_directory");
        writes.update("delete from subscription_directory");
    }

    @QueryHandler
    public Optional<SubscriptionView> find(FindSubscriptionQuery query) {
        return jdbc
                .query("select * from subscription_directory where tenant_id = ?", SUBSCRIPTION, query.tenantId())
                .stream()
                .findFirst();
    }

    @QueryHandler
    public InvoicePage invoices(ListInvoicesQuery query) {
        PageRequest page = query.page();
        Long total = jdbc.queryForObject(
                "select count(*) from invoice_directory where tenant_id = ?", Long.class, query.tenantId());
        return new InvoicePage(
                jdbc.query("""
                select * from invoice_directory where tenant_id = ?
                order by created_at desc, invoice_id limit ? offset ?
                """, INVOICE, query.tenantId(), page.limit(), page.offset()),
                total == null ? 0 : total,
                page.offset(),
                page.limit());
    }
}
