package io.tenantry.app.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.TenantryIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The membership check is one query that an index of {@code tenant_member} answers alone: both columns are index
 * conditions, nothing is filtered afterwards. (On a small table the planner may rightly prefer a sequential scan, so
 * sequential scans are disabled to see which index the query can use.)
 */
@TenantryIntegrationTest
class MembershipCheckPlanIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void answersTheMembershipCheckFromThePrimaryKey() {
        List<String> plan = transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList(
                    "explain select * from tenant_member where tenant_id = 'some-tenant' and user_id = 'some-user'",
                    String.class);
        });

        String text = String.join("\n", plan);
        assertThat(text)
                .startsWith("Index Scan using tenant_member_")
                .containsPattern("Index Cond: .*user_id.*tenant_id|Index Cond: .*tenant_id.*user_id")
                .doesNotContain("Filter")
                .doesNotContain("Seq Scan");
    }

    @Test
    void answersTheReadAccessCheckWithIndexesOnly() {
        List<String> plan = transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("""
                    explain select d.id, d.status, m.role from tenant_directory d
                    left join tenant_member m on m.tenant_id = d.id and m.user_id = 'some-user'
                    where d.id = 'some-tenant'""", String.class);
        });

        assertThat(String.join("\n", plan))
                .contains("Index Scan using tenant_directory_pkey")
                .contains("Index Scan using tenant_member_")
                .doesNotContain("Seq Scan");
    }
}
