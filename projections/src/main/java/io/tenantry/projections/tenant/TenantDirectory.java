package io.tenantry.projections.tenant;

import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSummary;
import io.tenantry.contracts.tenant.TenantTier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The tenants read model ({@code tenant_directory}). Every write is idempotent, so a replay changes nothing. */
@Repository
public class TenantDirectory {

    private static final RowMapper<TenantSummary> ROW = (rs, i) -> new TenantSummary(
            rs.getString("id"),
            rs.getString("name"),
            rs.getString("slug"),
            TenantTier.valueOf(rs.getString("tier")),
            TenantStatus.valueOf(rs.getString("status")),
            rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
            rs.getLong("version"));

    private final JdbcTemplate jdbc;

    public TenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new tenant; a second delivery of the same event is ignored. */
    void insert(TenantSummary tenant) {
        jdbc.update("""
                insert into tenant_directory (id, name, slug, tier, status, created_by, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                tenant.id(), tenant.name(), tenant.slug(), tenant.tier().name(), tenant.status().name(),
                tenant.createdBy(), utc(tenant.createdAt()), utc(tenant.updatedAt()), tenant.version());
    }

    void deleteAll() {
        jdbc.update("delete from tenant_directory");
    }

    public Optional<TenantSummary> findById(String id) {
        return jdbc.query("select * from tenant_directory where id = ?", ROW, id).stream().findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
