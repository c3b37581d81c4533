package io.tenantry.app.usage;

import static io.tenantry.command.web.Problems.fieldError;

import io.tenantry.app.usage.UsageRequests.Accepted;
import io.tenantry.command.subscription.BillingAccounts;
import io.tenantry.command.subscription.BillingGateway;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.EffectiveEntitlement;
import io.tenantry.contracts.entitlement.Entitlement;
import io.tenantry.contracts.entitlement.EntitlementKind;
import io.tenantry.contracts.membership.MembershipResults.TenantAccess;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.projections.entitlement.EntitlementDirectory;
import io.tenantry.query.tenant.TenantReadAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage ingest: validates a batch as a whole (one invalid record refuses all of it), checks who may report for which
 * tenants, and stores it in one transaction: each record once by its tenant and id (a retried batch counts nothing
 * twice), the daily counters exactly (in SQL, so concurrent batches add up), the records of Stripe-metered quotas in the
 * meter outbox, and the quota thresholds reached (see {@link UsageThresholds}).
 */
@Component
@Profile("!query") // the command role's: it writes
@EnableConfigurationProperties(UsageProperties.class)
public class UsageIngest {

    static final int MAX_RECORDS = 1_000;
    static final long MAX_QUANTITY = 1_000_000_000_000L;
    static final int MAX_ID_LENGTH = 128;
    private static final int ATTEMPTS = 3;

    private final EntitlementDirectory directory;
    private final BillingAccounts billingAccounts;
    private final boolean stripeBilling;
    private final UsageStore store;
    private final UsageThresholds thresholds;
    private final TransactionTemplate transactions;
    private final UsageProperties properties;
    private final Clock clock = Clock.systemUTC();

    UsageIngest(
            EntitlementDirectory directory,
            BillingAccounts billingAccounts,
            BillingGateway billing,
            UsageStore store,
            UsageThresholds thresholds,
            PlatformTransactionManager transactionManager,
            UsageProperties properties) {
        this.directory = directory;
        this.billingAccounts = billingAccounts;
        this.stripeBilling = billing.mode() == BillingMode.STRIPE;
        this.store = store;
        this.thresholds = thresholds;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** A valid record, as stored. */
    record Usage(String tenantId, String id, String key, long quantity, Instant at) {}

    /** One tenant's records, reported by one of its OWNERs or ADMINs or a partner admin. */
    public Accepted ingest(Caller caller, String tenantId, List<UsageRequests.TenantRecord> records) {
        Instant now = clock.instant();
        String anyKey = records == null || records.isEmpty() || records.get(0) == null
                ? "-"
                : String.valueOf(records.get(0).key());
        TenantAccess access = directory
                .check(tenantId, anyKey, caller.userId(), now)
                .map(EntitlementDirectory.Check::access)
                .map(found -> TenantReadAccess.as(caller, found))
                .filter(found -> found.status() != TenantStatus.DELETED)
                .filter(found -> caller.isPartnerAdmin() || found.role() != null)
                .orElseThrow(() -> DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + "."));
        if (!caller.isPartnerAdmin() && access.role() != MemberRole.OWNER && access.role() != MemberRole.ADMIN) {
            throw DomainRefusal.forbidden(
                    "insufficient_role",
                    "Your role in this tenant (" + access.role() + ") does not allow this; it takes OWNER or ADMIN.");
        }
        List<UsageRequests.Record> all = new ArrayList<>();
        if (records != null) {
            records.forEach(r -> all.add(
                    r == null
                            ? null
                            : new UsageRequests.Record(tenantId, r.id(), r.key(), r.quantity(), r.timestamp())));
        }
        return store(validate(records == null ? null : all, false, now), now);
    }

    /** Records of any tenants, reported by a partner admin (a platform service). */
    public Accepted ingest(Caller caller, List<UsageRequests.Record> records) {
        if (!caller.isPartnerAdmin()) {
            throw DomainRefusal.forbidden("forbidden", "Only partner admins report usage for many tenants.");
        }
        Instant now = clock.instant();
        List<Usage> usages = validate(records, true, now);
        List<String> unknown = usages.stream()
                .map(Usage::tenantId)
                .distinct()
                .filter(tenantId -> directory
                        .check(tenantId, "-", null, now)
                        .filter(found -> found.access().status() != TenantStatus.DELETED)
                        .isEmpty())
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.UNPROCESSABLE,
                    "unknown_tenant",
                    "No tenant with id " + String.join(", ", unknown) + "; nothing was recorded.",
                    Map.of("tenantIds", unknown));
        }
        return store(usages, now);
    }

    private Accepted store(List<Usage> usages, Instant now) {
        Map<String, Map<String, EffectiveEntitlement>> entitlements = new HashMap<>();
        Map<String, Optional<String>> customers = new HashMap<>();
        Map<String, Usage> distinct = new LinkedHashMap<>();
        for (Usage usage : usages) {
            distinct.putIfAbsent(usage.tenantId() + '\u0000' + usage.id(), usage);
        }
        List<UsageStore.Row> rows = new ArrayList<>();
        Map<String, List<Usage>> byTenant = new LinkedHashMap<>();
        distinct.values().stream()
                .sorted(Comparator.comparing(Usage::tenantId).thenComparing(Usage::id))
                .forEach(usage -> {
                    Map<String, EffectiveEntitlement> granted = entitlements.computeIfAbsent(
                            usage.tenantId(),
                            tenantId -> directory
                                    .effective(tenantId, now)
                                    .map(EntitlementDirectory.TenantEntitlements::entitlements)
                                    .orElse(Map.of()));
                    EffectiveEntitlement quota = granted.get(usage.key());
                    String meter = stripeBilling
                                    && quota != null
                                    && quota.kind() == EntitlementKind.QUOTA
                                    && quota.stripeMeter() != null
                            ? quota.stripeMeter()
                            : null;
                    String customer = meter == null
                            ? null
                            : customers
                                    .computeIfAbsent(
                                            usage.tenantId(),
                                            tenantId -> billingAccounts
                                                    .byTenant(tenantId)
                                                    .map(BillingAccounts.Account::stripeCustomerId))
                                    .orElse(null);
                    rows.add(new UsageStore.Row(
                            usage.tenantId(),
                            usage.id(),
                            usage.key(),
                            usage.quantity(),
                            usage.at(),
                            customer == null ? null : meter,
                            customer));
                    byTenant.computeIfAbsent(usage.tenantId(), key -> new ArrayList<>())
                            .add(usage);
                });
        int accepted = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                Integer inserted = transactions.execute(status -> {
                    int count = store.ingest(rows, now);
                    byTenant.forEach((tenantId, tenantUsages) ->
                            thresholds.check(tenantId, entitlements.get(tenantId), tenantUsages));
                    return count;
                });
                accepted = inserted == null ? 0 : inserted;
                break;
            } catch (PessimisticLockingFailureException lockConflict) {
                // a deadlock or lock timeout rolled all of it back: the same batch again is safe
                if (attempt == ATTEMPTS) {
                    throw DomainRefusal.conflict(
                            "concurrent_modification",
                            "Other batches held the same counters; nothing of this batch was recorded. Send it again.");
                }
            }
        }
        return new Accepted(usages.size(), accepted, usages.size() - accepted);
    }

    /** The records as stored, or 400 naming every invalid field of every invalid record (by index). */
    private List<Usage> validate(List<UsageRequests.Record> records, boolean withTenant, Instant now) {
        if (records == null || records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.INVALID,
                    "validation_failed",
                    "records must hold 1 to " + MAX_RECORDS + " records; nothing was recorded.",
                    Map.of(
                            "errors",
                            List.of(fieldError("records", "1 to " + MAX_RECORDS + " records")),
                            "indexes",
                            List.of()));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        TreeSet<Integer> invalid = new TreeSet<>();
        List<Usage> usages = new ArrayList<>(records.size());
        Instant oldest = now.minus(properties.maxAge());
        Instant latest = now.plus(properties.maxAhead());
        for (int i = 0; i < records.size(); i++) {
            UsageRequests.Record record = records.get(i);
            String at = "records[" + i + "]";
            int before = errors.size();
            if (record == null) {
                errors.add(fieldError(at, "must be an object"));
                invalid.add(i);
                continue;
            }
            if (withTenant && (record.tenantId() == null || record.tenantId().isBlank())) {
                errors.add(fieldError(at + ".tenantId", "must not be blank"));
            } else if (withTenant && record.tenantId().length() > 64) {
                errors.add(fieldError(at + ".tenantId", "size must be between 1 and 64"));
            } else if (withTenant && record.tenantId().chars().anyMatch(Character::isISOControl)) {
                errors.add(fieldError(at + ".tenantId", "must not hold control characters"));
            }
            if (record.id() == null || record.id().isBlank()) {
                errors.add(fieldError(at + ".id", "must not be blank"));
            } else if (record.id().length() > MAX_ID_LENGTH) {
                errors.add(fieldError(at + ".id", "size must be between 1 and " + MAX_ID_LENGTH));
            } else if (record.id().chars().anyMatch(Character::isISOControl)) {
                errors.add(fieldError(at + ".id", "must not hold control characters"));
            }
            if (record.key() == null || !Entitlement.KEY.matcher(record.key()).matches()) {
                errors.add(fieldError(at + ".key", "must be an entitlement key (" + Entitlement.KEY.pattern() + ")"));
            }
            if (record.quantity() == null || record.quantity() < 1 || record.quantity() > MAX_QUANTITY) {
                errors.add(fieldError(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
            }
            Instant when = null;
            if (record.timestamp() == null || record.timestamp().isBlank()) {
                errors.add(fieldError(at + ".timestamp", "must not be blank"));
            } else {
                try {
                    when = OffsetDateTime.parse(record.timestamp()).toInstant();
                } catch (DateTimeParseException e) {
                    errors.add(fieldError(at + ".timestamp", "must be an ISO-8601 instant (2026-12-04T10:15:30Z)"));
                }
            }
            if (when != null && when.isAfter(latest)) {
                errors.add(fieldError(
                        at + ".timestamp",
                        "is more than " + properties.maxAhead().toMinutes() + " minutes ahead of the server's clock ("
                                + now + ")"));
            } else if (when != null && when.isBefore(oldest)) {
                errors.add(fieldError(
                        at + ".timestamp",
                        "is older than " + properties.maxAge().toDays() + " days (before " + oldest + ")"));
            }
            if (errors.size() > before) {
                invalid.add(i);
            } else {
                usages.add(new Usage(record.tenantId(), record.id(), record.key(), record.quantity(), when));
            }
        }
        if (!invalid.isEmpty()) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.INVALID,
                    "validation_failed",
                    invalid.size() + " of " + records.size() + " records are invalid (indexes " + summary(invalid)
                            + "); nothing was recorded.",
                    Map.of("errors", errors, "indexes", List.copyOf(invalid)));
        }
        return usages;
    }

    private static String summary(TreeSet<Integer> indexes) {
        List<String> shown = indexes.stream().limit(20).map(String::valueOf).toList();
        return String.join(", ", shown) + (indexes.size() > shown.size() ? ", ..." : "");
    }
}
