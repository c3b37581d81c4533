package io.tenantry.command.tenant;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which live tenant holds a slug, as the command side knows it ({@code tenant_slug}, written with each command). */
@Component
public class TenantSlugs {

    private final JdbcTemplate jdbc;

    TenantSlugs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> tenantOf(String slug) {
        return jdbc.queryForList("select tenant_id from tenant_slug where slug = ?", String.class, slug).stream()
                .findFirst();
    }
}
