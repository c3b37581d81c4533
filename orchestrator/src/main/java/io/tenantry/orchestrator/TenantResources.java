package io.tenantry.orchestrator;

import io.tenantry.orchestrator.ProvisioningRequest.Tier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A tenant's resources in PostgreSQL. A SILOED tenant gets a database of its own, owned by a login role of its own,
 * which no other role may connect to. A POOLED tenant gets a row in the shared schema {@code tenant_pool}, whose tables
 * are protected by row-level security: the role {@code tenant_pool_app} sees a row only while the session's
 * {@code tenant_pool.tenant_id} names its tenant ({@code set tenant_pool.tenant_id = '<id>'}). Every step is safe to
 * repeat, so a request that arrives twice, or one retried after a crash, builds nothing twice. What was built is
 * recorded in {@code orchestrator.resources}, and removal works from that record.
 */
public final class TenantResources {

    /** The role through which services reach the pooled tenants' rows. */
    public static final String POOL_ROLE = "tenant_pool_app";
    /** The session setting that names the tenant a pooled connection acts for. */
    public static final String POOL_TENANT_SETTING = "tenant_pool.tenant_id";

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final long CREATE_DATABASE_LOCK = 0x7465_6e61_6e74L;

    private final DataSource dataSource;
    private final TenantCredentials credentials;

    public TenantResources(DataSource dataSource, TenantCredentials credentials) {
        this.dataSource = dataSource;
        this.credentials = credentials;
    }

    /** The name of a SILOED tenant's database and role: {@code tenant_} and its slug, shortened with a hash if long. */
    public static String siloName(String slug, String tenantId) {
        String readable = slug.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = "tenant_" + readable;
        if (name.length() > 63) {
            name = "tenant_" + readable.substring(0, 47) + "_"
                    + sha256(tenantId).substring(0, 8);
        }
        return name;
    }

    /** Lets the pool role log in with its derived password (the migration creates it without one). */
    public void preparePool() {
        run(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "alter role " + POOL_ROLE + " login password '" + credentials.passwordOf(POOL_ROLE) + "'");
            }
            return null;
        });
    }

    /** Builds the tenant's resources for its tier, unless they are there already. */
    public void provision(ProvisioningRequest request) {
        run(connection -> {
            if (request.tier() == Tier.SILOED) {
                provisionSilo(connection, request);
            } else {
                provisionPooled(connection, request);
            }
            return null;
        });
    }

    /** Removes whatever the tenant has, as recorded (or, with no record, as its tier would have named it). */
    public void deprovision(ProvisioningRequest request) {
        run(connection -> {
            Optional<String> recordedSilo = recordedSilo(connection, request.tenantId());
            if (request.tier() == Tier.SILOED || recordedSilo.isPresent()) {
                String name = recordedSilo.orElseGet(() -> siloName(request.slug(), request.tenantId()));
                requireSafe(name);
                try (Statement statement = connection.createStatement()) {
                    // FORCE ends the tenant's open sessions first (PostgreSQL 13+)
                    statement.execute("drop database if exists " + name + " with (force)");
                    statement.execute("drop role if exists " + name);
                }
            }
            update(connection, "delete from tenant_pool.tenants where tenant_id = ?", request.tenantId());
            update(connection, "delete from orchestrator.resources where tenant_id = ?", request.tenantId());
            return null;
        });
    }

    private void provisionSilo(Connection connection, ProvisioningRequest request) throws SQLException {
        String name = recordedSilo(connection, request.tenantId())
                .orElseGet(() -> siloName(request.slug(), request.tenantId()));
        requireSafe(name);
        String password = credentials.passwordOf(name);
        try (Statement statement = connection.createStatement()) {
            // one database created at a time: two at once from the same template can refuse each other
            statement.execute("select pg_advisory_lock(" + CREATE_DATABASE_LOCK + ")");
            try {
                if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
                    statement.execute("create role " + name + " login password '" + password + "'");
                } else if (!ownsDatabaseOrNone(connection, name)) {
                    throw new ProvisioningFailure(
                            "resource_conflict", "role " + name + " exists and owns a database that is not its own");
                }
                Optional<String> owner = databaseOwner(connection, name);
                if (owner.isEmpty()) {
                    statement.execute("create database " + name + " owner " + name);
                } else if (!owner.get().equals(name)) {
                    throw new ProvisioningFailure(
                            "resource_conflict", "database " + name + " exists and belongs to " + owner.get());
                }
                // only its owner (and superusers) may connect to a tenant's database
                statement.execute("revoke connect, temporary on database " + name + " from public");
            } finally {
                statement.execute("select pg_advisory_unlock(" + CREATE_DATABASE_LOCK + ")");
            }
        }
        update(connection, """
                insert into orchestrator.resources (tenant_id, tier, database_name, role_name)
                values (?, 'SILOED', ?, ?) on conflict (tenant_id) do nothing""", request.tenantId(), name, name);
    }

    private void provisionPooled(Connection connection, ProvisioningRequest request) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            update(connection, """
                    insert into tenant_pool.tenants (tenant_id, slug, plan_id) values (?, ?, ?)
                    on conflict (tenant_id) do nothing""", request.tenantId(), request.slug(), request.planId());
            update(connection, """
                    insert into orchestrator.resources (tenant_id, tier) values (?, 'POOLED')
                    on conflict (tenant_id) do nothing""", request.tenantId());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Optional<String> recordedSilo(Connection connection, String tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select database_name from orchestrator.resources where tenant_id = ? and tier = 'SILOED'")) {
            statement.setString(1, tenantId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<String> databaseOwner(Connection connection, String database) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** A role of that name is ours to reuse when it owns no database but the one named like it. */
    private static boolean ownsDatabaseOrNone(Connection connection, String role) throws SQLException {
        return !exists(
                connection,
                "select 1 from pg_database where datdba = (select oid from pg_roles where rolname = ?) and datname <> ?",
                role,
                role);
    }

    private static boolean exists(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void requireSafe(String name) {
        // names go into DDL, which takes no parameters: only ever lower-case letters, digits and underscores
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new ProvisioningFailure("invalid_name", "not a safe identifier: " + name);
        }
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLTransientException e) {
            throw new ResourcesUnavailableException(e);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new ResourcesUnavailableException(e);
            }
            throw new ProvisioningFailure(reasonOf(e), e.getMessage());
        }
    }

    private static String reasonOf(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42501" -> "insufficient_privilege";
            case "42P04", "42710", "23505" -> "resource_conflict";
            case "53100", "53200", "53300" -> "insufficient_resources";
            default -> "database_error";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The database cannot be reached now: the request is retried later, not answered. */
    public static class ResourcesUnavailableException extends RuntimeException {
        ResourcesUnavailableException(SQLException cause) {
            super("The database for tenants' resources is unavailable: " + cause.getMessage(), cause);
        }
    }
}
