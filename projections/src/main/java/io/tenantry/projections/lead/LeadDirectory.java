package io.tenantry.projections.lead;

import static io.tenantry.projections.SqlTime.instant;
import static io.tenantry.projections.SqlTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.lead.LeadAddress;
import io.tenantry.contracts.lead.LeadQueries.FindLeadQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnel;
import io.tenantry.contracts.lead.LeadQueries.LeadFunnelQuery;
import io.tenantry.contracts.lead.LeadQueries.LeadPage;
import io.tenantry.contracts.lead.LeadQueries.ListLeadsQuery;
import io.tenantry.contracts.lead.LeadStatus;
import io.tenantry.contracts.lead.LeadView;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.projections.ReadModelWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The leads read model ({@code lead_directory}); every change is guarded by the lead version it brings. It answers
 * the lead queries itself.
 */
@Repository
public class LeadDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowMapper<LeadView> ROW = (rs, i) -> new LeadView(
            rs.getString("id"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("company_name"),
            address(rs.getString("address")),
            LeadStatus.valueOf(rs.getString("status")),
            rs.getString("tenant_id"),
            instant(rs, "created_at"),
            instant(rs, "verified_at"),
            instant(rs, "converted_at"),
            instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    public LeadDirectory(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    void insert(
            String id,
            String name,
            String email,
            String companyName,
            LeadAddress address,
            String fingerprint,
            Instant at,
            long version) {
        writes.update("""
                insert into lead_directory (id, name, email, company_name, address, status, email_fingerprint,
                    created_at, updated_at, version)
                values (?, ?, ?, ?, cast(? as jsonb), 'NEW', ?, ?, ?, ?) on conflict (id) do nothing
                """, id, name, email, companyName, json(address), fingerprint, utc(at), utc(at), version);
    }

    /** Moves the lead to a status, if this event is newer than what the row shows. */
    void status(String id, LeadStatus status, Instant at, long version) {
        writes.update("""
                update lead_directory set status = ?, updated_at = ?, version = ?,
                    verified_at = case when ? = 'VERIFIED' then coalesce(verified_at, ?) else verified_at end
                where id = ? and version < ?""", status.name(), utc(at), version, status.name(), utc(at), id, version);
    }

    void converted(String id, String tenantId, Instant at, long version) {
        writes.update("""
                update lead_directory set status = 'CONVERTED', tenant_id = ?, converted_at = ?, updated_at = ?,
                     version = ?
                where id = ? and version < ?""", tenantId, utc(at), utc(at), version, id, version);
    }

    /** Another event of the lead (a failed attempt, a new code): only the version moves. */
    void touch(String id, long version) {
        writes.updateLast(
                "lead_directory.version " + id,
                "update lead_directory set version = ? where id = ? and version < ?",
                version,
                id,
                version);
    }

    /** Replaces what the lead rows say about an erased person with the marker, as replaying their events would. */
    void erase(String fingerprint) {
        writes.flush(); // reads the rows as the batch has them so far
        for (String id : jdbc.queryForList(
                "select id from lead_directory where email_fingerprint = ?", String.class, fingerprint)) {
            String address =
                    jdbc.queryForObject("select address::text from lead_directory where id = ?", String.class, id);
            writes.update("""
                    update lead_directory set name = case when name is null then null else ? end, email = ?,
                        address = cast(? as jsonb), email_fingerprint = null where id = ?
                        """, Erasure.MARKER, Erasure.MARKER, erasedAddress(address), id);
        }
    }

    void deleteAll() {
        writes.update("delete from lead_directory");
    }

    @QueryHandler
    public Optional<LeadView> find(FindLeadQuery query) {
        return jdbc.query("select * from lead_directory where id = ?", ROW, query.leadId()).stream()
                .findFirst();
    }

    @QueryHandler
    public LeadPage list(ListLeadsQuery query) {
        PageRequest page = query.page();
        List<Object> arguments = new ArrayList<>();
        String where = "";
        if (query.status() != null) {
            where = " where status = ?";
            arguments.add(query.status().name());
        }
        Long total =
                jdbc.queryForObject("select count(*) from lead_directory" + where, Long.class, arguments.toArray());
        arguments.add(page.limit());
        arguments.add(page.offset());
        return new LeadPage(
                jdbc.query(
                        "select * from lead_directory" + where + " order by created_at desc, id limit ? offset ?",
                        ROW,
                        arguments.toArray()),
                total == null ? 0 : total,
                page.offset(),
                page.limit());
    }

    @QueryHandler
    public LeadFunnel funnel(LeadFunnelQuery query) {
        return funnel();
    }

    public LeadFunnel funnel() {
        return jdbc.queryForObject(
                """
                select count(*) as created,
                       count(*) filter (where verified_at is not null) as verified,
                       count(*) filter (where status = 'CONVERTED') as converted,
                       count(*) filter (where status = 'EXPIRED') as expired,
                       count(*) filter (where status = 'LOCKED') as locked,
                       count(*) filter (where status in ('NEW', 'VERIFIED')) as open
                from lead_directory""",
                (rs, i) -> new LeadFunnel(
                        rs.getLong("created"),
                        rs.getLong("verified"),
                        rs.getLong("converted"),
                        rs.getLong("expired"),
                        rs.getLong("locked"),
                        rs.getLong("open")));
    }

    /** Every non-null line of an address, as the marker: what an erased address decrypts to. */
    static String erasedAddress(String address) {
        if (address == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(address);
            if (node instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(name -> {
                    if (!object.get(name).isNull()) {
                        object.put(name, Erasure.MARKER);
                    }
                });
            }
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead_directory holds an unreadable address", e);
        }
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store the address as JSON", e);
        }
    }

    private static LeadAddress address(String json) {
        try {
            return json == null ? null : JSON.readValue(json, LeadAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead_directory holds an unreadable address", e);
        }
    }
}
