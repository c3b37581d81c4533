package io.tenantry.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.app.test.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that applied a migration before its comment was reworded still validates: the released checksum is
 * replaced by the current one, and only that one; any other checksum is still refused.
 */
class AmendedMigrationsIT extends IntegrationTest {

    private static final AmendedMigrations.Amendment V3_2 = AmendedMigrations.AMENDMENTS.get(0);

    @Autowired
    private Flyway flyway;

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void recordTheCurrentChecksum() {
        recorded(V3_2.currentChecksum());
    }

    @Test
    void theCurrentTextMatchesTheChecksumTheAmendmentNames() {
        flyway.validate();

        assertThat(checksum()).isEqualTo(V3_2.currentChecksum());
    }

    @Test
    void aDatabaseThatAppliedTheReleasedTextValidates() {
        recorded(V3_2.releasedChecksum());

        flyway.validate();

        assertThat(checksum()).isEqualTo(V3_2.currentChecksum());
    }

    @Test
    void withoutTheAmendmentTheReleasedChecksumIsRefused() {
        recorded(V3_2.releasedChecksum());
        Flyway plain = Flyway.configure()
                .configuration(flyway.getConfiguration())
                .callbacks(new org.flywaydb.core.api.callback.Callback[0])
                .load();

        assertThatThrownBy(plain::validate).isInstanceOf(FlywayValidateException.class);
    }

    @Test
    void anyOtherChecksumIsStillRefused() {
        recorded(12345);

        assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class);
        assertThat(checksum()).isEqualTo(12345);
    }

    private void recorded(int checksum) {
        jdbc.update("update flyway_schema_history set checksum = ? where version = ?", checksum, V3_2.version());
    }

    private int checksum() {
        return jdbc.queryForObject(
                "select checksum from flyway_schema_history where version = ?", Integer.class, V3_2.version());
    }
}
