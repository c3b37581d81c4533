package io.tenantry.projections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the read models keep them: {@code timestamptz} columns, written at UTC and read back as the same
 * instant. {@code null} stays {@code null} both ways (a tenant not deleted, a subscription never canceled).
 */
public final class SqlTime {

    private SqlTime() {}

    /** The value to bind for a {@code timestamptz} parameter. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column of the current row. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
