package io.tenantry.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations whose text was amended after release, where only a comment changed: a database that applied the old text
 * records the old checksum, which Flyway's validation would refuse. Before validating, this records the new checksum
 * for exactly those migrations, and only where the old one is recorded; any other difference is still refused.
 */
@Component
class AmendedMigrations implements Callback {

    /** A migration's version, the checksum of the text it was released with, and the checksum of its text now. */
    record Amendment(String version, int releasedChecksum, int currentChecksum) {}

    static final List<Amendment> AMENDMENTS = List.of(
            // V3_2: its comment reworded, its statement unchanged
            new Amendment("3.2", 291937034, 1154751523));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!exists(connection, table)) {
                return; // a new database: nothing applied yet
            }
            for (Amendment amendment : AMENDMENTS) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set checksum = ? where version = ? and checksum = ?")) {
                    update.setInt(1, amendment.currentChecksum());
                    update.setString(2, amendment.version());
                    update.setInt(3, amendment.releasedChecksum());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not record the amended migrations' checksums: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "amended-migrations";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
