package io.tenantry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a large history straight into the event store, shaped exactly as the app writes it (payload types,
 * revisions, JSON payloads and metadata, the command side's lookups {@code tenant_slug}, {@code billing_account} and
 * {@code plan_change_index}), with a dense global index continuing the app's sequence. Run while the app is stopped:
 * afterwards every processor's token is moved to the new head, so sagas and the Kafka publisher do not act on the
 * synthetic past and the read models are built only by the rebuild that is measured.
 *
 * <p>The history: {@code tenants} POOLED tenants on the {@code team} plan, each created with its OWNER
 * ({@code bench-owner}) and {@code membersPerTenant - 1} more members, each with a started subscription; the first of
 * them (the audit tenant) changes plan {@code auditChanges} times, every other one as often as it takes to bring the
 * store to {@code totalEvents} (a plan change is two events: the tenant's and the subscription's).
 */
final class BulkEvents {

    /** {@code creationsEnd}: the position after which the bulk's tenants, members and subscriptions are all stored. */
    record Loaded(
            String auditTenantId,
            long head,
            long inserted,
            long creationsEnd,
            int tenants,
            long memberships,
            int filledChanges,
            long millis) {}

    private static final String TS = "to_char((%s) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
    private static final String META =
            "convert_to(json_build_object('causationId', gen_random_uuid(), 'correlationId', "
                    + "gen_random_uuid(), 'actorId', 'bench-owner')::text, 'UTF8')";

    static Loaded load(Connection connection, int tenants, int membersPerTenant, int auditChanges, long totalEvents)
            throws SQLException {
        long began = System.currentTimeMillis();
        connection.setAutoCommit(false);
        long base;
        try (Statement statement = connection.createStatement();
                ResultSet max =
                        statement.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            max.next();
            base = max.getLong(1);
        }
        long creationEvents = (long) tenants * (membersPerTenant + 1) + tenants;
        long remaining = totalEvents - base - creationEvents - 2L * auditChanges;
        int changesEach = (int) Math.max(0, remaining / (2L * (tenants - 1)));
        // the first tenants after the audit tenant take one change more, to reach totalEvents (give or take one)
        long oneMore = Math.max(0, (remaining - 2L * (tenants - 1) * changesEach) / 2);
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table bulk_tenant on commit drop as select t, md5('bench-bulk-tenant-' || t)"
                            + "::uuid::text as id from generate_series(1, " + tenants + ") t");
            statement.execute("create index on bulk_tenant (t)");
            // creations: the tenant's created event and its members, per tenant, then the subscriptions
            String created = "(now() - interval '3 days' + (g.t * interval '1 second'))";
            statement.execute("""
                    insert into domain_event_entry (global_index, sequence_number, meta_data, payload,
                    aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type)
                    select %d + (g.t - 1) * %d + k + 1, k, %s,
                        convert_to(case when k = 0 then json_build_object('tenantId', g.id, 'name', 'Bulk ' || g.t,
                                'slug', 'bulk-' || g.t, 'tier', 'POOLED', 'contacts', json_build_array(),
                                 'address', null,
                                'industry', null, 'settings', json_build_object(), 'leadId', null,
                                 'planId', 'team')::text
                            else json_build_object('tenantId', g.id,
                                'userId', case when k = 1 then 'bench-owner' else 'user-' || g.t || '-' || k end,
                                'role', case when k = 1 then 'OWNER' else 'MEMBER' end)::text end, 'UTF8'),
                        g.id, gen_random_uuid()::text, case when k = 0 then '4' else '1' end,
                        case when k = 0 then 'io.tenantry.contracts.tenant.TenantCreatedEvent'
                             else 'io.tenantry.contracts.tenant.MemberAddedEvent' end,
                        %s, 'Tenant'
                    from bulk_tenant g cross join generate_series(0, %d) k
                    """.formatted(
                            base,
                            membersPerTenant + 1,
                            META,
                            TS.formatted(created + " + k * interval '1 millisecond'"),
                            membersPerTenant));
            long subscriptionsBase = base + (long) tenants * (membersPerTenant + 1);
            statement.execute(
                    """
                    insert into domain_event_entry (global_index, sequence_number, meta_data, payload,
                    aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type)
                    select %d + g.t, 0, %s,
                        convert_to(json_build_object('subscriptionId', 'subscription-' || g.id, 'tenantId', g.id,
                            'planId', 'team', 'billing', json_build_object('mode', 'LOCAL', 'customerId', null,
                            'subscriptionId', null, 'itemId', null, 'priceId', null, 'status', 'ACTIVE',
                            'currentPeriodEnd', null))::text, 'UTF8'),
                        'subscription-' || g.id, gen_random_uuid()::text, '1',
                        'io.tenantry.contracts.subscription.SubscriptionStartedEvent', %s, 'Subscription'
                    from bulk_tenant g
                    """.formatted(subscriptionsBase, META, TS.formatted(created + " + interval '500 milliseconds'")));
            statement.execute("insert into tenant_slug (slug, tenant_id) select 'bulk-' || t, id from bulk_tenant");
            statement.execute(
                    "insert into billing_account (tenant_id, subscription_id) select id, 'subscription-' || id "
                            + "from bulk_tenant");

            // plan changes: change j of every tenant, then change j + 1, ...; 100 ms apart in store order
            long changesBase = subscriptionsBase + tenants;
            statement.execute("""
                    create temporary table bulk_change on commit drop as
                    select g.t, g.id, j, row_number() over (order by j, g.t) as n, gen_random_uuid() as correlation
                    from bulk_tenant g cross join lateral generate_series(1,
                        case when g.t = 1 then %d when g.t - 1 <= %d then %d else %d end) j
                    """.formatted(auditChanges, oneMore, changesEach + 1, changesEach));
            String at = "(now() - interval '2 days' + c.n * interval '100 milliseconds')";
            statement.execute("""
                    insert into domain_event_entry (global_index, sequence_number, meta_data, payload,
                    aggregate_identifier,
                        event_identifier, payload_revision, payload_type, time_stamp, type)
                    select %d + 2 * (c.n - 1) + e + 1,
                        case when e = 0 then %d + c.j else c.j end,
                        convert_to(json_build_object('causationId', gen_random_uuid(), 'correlationId', c.correlation,
                            'actorId', 'bench-owner')::text, 'UTF8'),
                        convert_to(case when e = 0 then json_build_object('tenantId', c.id, 'fromPlanId', p.from_plan,
                                'toPlanId', p.to_plan)::text
                            else json_build_object('subscriptionId', 'subscription-' || c.id, 'tenantId', c.id,
                                'fromPlanId', p.from_plan, 'toPlanId', p.to_plan, 'changedBy', 'bench-owner',
                                'changedAt', %s, 'reason', null, 'correlationId', c.correlation)::text end, 'UTF8'),
                        case when e = 0 then c.id else 'subscription-' || c.id end, gen_random_uuid()::text, '1',
                        case when e = 0 then 'io.tenantry.contracts.tenant.TenantPlanChangedEvent'
                             else 'io.tenantry.contracts.subscription.PlanChangedEvent' end,
                        %s, case when e = 0 then 'Tenant' else 'Subscription' end
                    from bulk_change c
                    cross join lateral (select case when c.j %% 2 = 1 then 'team' else 'business' end as from_plan,
                                               case when c.j %% 2 = 1 then 'business' else 'team' end as to_plan) p
                    cross join generate_series(0, 1) e
                    """.formatted(
                            changesBase,
                            membersPerTenant,
                            TS.formatted(at),
                            TS.formatted(at + " + e * interval '20 milliseconds'")));
            statement.execute("insert into plan_change_index (tenant_id, subscription_id, sequence_number, changed_at) "
                    + "select c.id, 'subscription-' || c.id, c.j, date_trunc('milliseconds', " + at
                    + ") from bulk_change c");
        }
        long head;
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("select max(global_index) from domain_event_entry")) {
            max.next();
            head = max.getLong(1);
        }
        try (PreparedStatement sequence = connection.prepareStatement("select setval('domain_event_entry_seq', ?)")) {
            sequence.setLong(1, head);
            sequence.execute();
        }
        tokensToHead(connection, head);
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
        return new Loaded(
                uuidOf("bench-bulk-tenant-1", connection),
                head,
                head - base,
                base + creationEvents,
                tenants,
                (long) tenants * membersPerTenant,
                changesEach,
                System.currentTimeMillis() - began);
    }

    /** Every processor's token at {@code head} (app stopped): nothing before it is handled again. */
    static void tokensToHead(Connection connection, long head) throws SQLException {
        try (PreparedStatement tokens = connection.prepareStatement("""
                update token_entry set token = convert_to('{"index":' || ? || ',"gaps":[]}', 'UTF8'),
                    token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = null""")) {
            tokens.setLong(1, head);
            tokens.executeUpdate();
        }
    }

    private static String uuidOf(String text, Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select md5(?)::uuid::text")) {
            statement.setString(1, text);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private BulkEvents() {}
}
