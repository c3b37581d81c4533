package io.tenantry.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlTimeTest {

    @Test
    void anInstantIsBoundAtUtcAndReadBackAsTheSameInstant() throws SQLException {
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        assertThat(SqlTime.utc(at)).isEqualTo(OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 123_456_000, ZoneOffset.UTC));

        ResultSet row = mock(ResultSet.class);
        // the driver may hand the column back at another offset: the instant is what counts
        when(row.getObject("created_at", OffsetDateTime.class))
                .thenReturn(OffsetDateTime.of(2026, 3, 1, 12, 15, 30, 123_456_000, ZoneOffset.ofHours(2)));
        assertThat(SqlTime.instant(row, "created_at")).isEqualTo(at);
    }

    @Test
    void nullStaysNullBothWays() throws SQLException {
        assertThat(SqlTime.utc(null)).isNull();
        ResultSet row = mock(ResultSet.class);
        when(row.getObject("deleted_at", OffsetDateTime.class)).thenReturn(null);
        assertThat(SqlTime.instant(row, "deleted_at")).isNull();
    }
}
