package io.tenantry.projections.tenant;

import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSummary;
import io.tenantry.contracts.tenant.TenantTier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tenants read model: {@code tenant_directory} and its {@code tenant_contact} rows. Every write is idempotent,
 * so a replay changes nothing; contacts carry the fingerprint of their address so an erasure can find them.
 */
@Repository
public class TenantDirectory {

    private final JdbcTemplate jdbc;

    public TenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new tenant; a second delivery of the same event is ignored. */
    void insert(TenantSummary tenant, Function<String, String> fingerprintOfEmail) {
        int inserted = jdbc.update("""
                insert into tenant_directory (id, name, slug, tier, status, created_by, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                tenant.id(), tenant.name(), tenant.slug(), tenant.tier().name(), tenant.status().name(),
                tenant.createdBy(), utc(tenant.createdAt()), utc(tenant.updatedAt()), tenant.version());
        if (inserted == 0) {
            return;
        }
        List<TenantContact> contacts = tenant.contacts();
        for (int position = 0; position < contacts.size(); position++) {
            TenantContact contact = contacts.get(position);
            jdbc.update("""
                    insert into tenant_contact (tenant_id, position, name, email, phone, is_primary, email_fingerprint)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    tenant.id(), position, contact.name(), contact.email(), contact.phone(), contact.primary(),
                    Erasure.MARKER.equals(contact.email()) ? null : fingerprintOfEmail.apply(contact.email()));
        }
    }

    /** Replaces everything a person's contact rows say about them with the erasure marker. */
    int erase(String subjectFingerprint) {
        return jdbc.update("""
                update tenant_contact
                set name = ?, email = ?, phone = case when phone is null then null else ? end, email_fingerprint = null
                where email_fingerprint = ?""",
                Erasure.MARKER, Erasure.MARKER, Erasure.MARKER, subjectFingerprint);
    }

    void deleteAll() {
        jdbc.update("delete from tenant_contact");
        jdbc.update("delete from tenant_directory");
    }

    public Optional<TenantSummary> findById(String id) {
        return jdbc.query("select * from tenant_directory where id = ?", (rs, i) -> summary(rs, contactsOf(id)), id)
                   .stream().findFirst();
    }

    private List<TenantContact> contactsOf(String tenantId) {
        return jdbc.query("select * from tenant_contact where tenant_id = ? order by position",
                (rs, i) -> new TenantContact(rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                        rs.getBoolean("is_primary")), tenantId);
    }

    private static TenantSummary summary(ResultSet rs, List<TenantContact> contacts) throws SQLException {
        return new TenantSummary(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("slug"),
                TenantTier.valueOf(rs.getString("tier")),
                TenantStatus.valueOf(rs.getString("status")),
                contacts,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
