package io.tenantry.app.apikey;

import io.tenantry.contracts.apikey.ApiKeyView;
import io.tenantry.projections.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tenant API keys the command side keeps in {@code tenant_api_key}: found by hash, listed, their uses noted. */
class ApiKeyStore {

    /** What authenticating a key needs: whose it is, what it may do, until when. */
    record StoredKey(String keyId, String tenantId, Set<String> scopes, Instant expiresAt) {}

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The usable key of that hash: not revoked, of a tenant not deleted (expiry is the caller's to check). */
    Optional<StoredKey> find(byte[] hash) {
        return jdbc
                .query(
                        """
                select key_id, tenant_id, scopes, expires_at from tenant_api_key
                where secret_hash = ? and revoked_at is null and tenant_live""",
                        (rs, i) -> new StoredKey(
                                rs.getString("key_id"),
                                rs.getString("tenant_id"),
                                Set.copyOf(Arrays.asList(rs.getString("scopes").split(" "))),
                                SqlTime.instant(rs, "expires_at")),
                        (Object) hash)
                .stream()
                .findFirst();
    }

    /** The tenant's keys, newest first, revoked and expired ones too. */
    List<ApiKeyView> list(String tenantId, Instant now) {
        return jdbc.query("""
                select key_id, tenant_id, name, shown, scopes, created_by, created_at, expires_at, last_used_at,
                    revoked_by, revoked_at
                from tenant_api_key where tenant_id = ? order by created_at desc, key_id""", (rs, i) -> view(rs, now), tenantId);
    }

    /** Notes when each key was last used; a later use already noted (by another process) is kept. */
    void used(Map<String, Instant> uses) {
        List<Object[]> rows = new ArrayList<>(uses.size());
        uses.forEach((keyId, at) -> rows.add(new Object[] {SqlTime.utc(at), keyId, SqlTime.utc(at)}));
        jdbc.batchUpdate("""
                update tenant_api_key set last_used_at = ?
                where key_id = ? and (last_used_at is null or last_used_at < ?)""", rows);
    }

    private static ApiKeyView view(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = SqlTime.instant(rs, "expires_at");
        Instant revokedAt = SqlTime.instant(rs, "revoked_at");
        String status =
                revokedAt != null ? "REVOKED" : expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
        return new ApiKeyView(
                rs.getString("key_id"),
                rs.getString("tenant_id"),
                rs.getString("name"),
                rs.getString("shown"),
                List.of(rs.getString("scopes").split(" ")),
                status,
                rs.getString("created_by"),
                SqlTime.instant(rs, "created_at"),
                expiresAt,
                SqlTime.instant(rs, "last_used_at"),
                rs.getString("revoked_by"),
                revokedAt);
    }
}
