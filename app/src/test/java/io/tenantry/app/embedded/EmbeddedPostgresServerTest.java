package io.tenantry.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts, also when the JVM that ran it was killed. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            execute(first.jdbcUrl(), "create table survivor (name text)", "insert into survivor values ('kept')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThat(queryOne(second.jdbcUrl(), "select name from survivor")).isEqualTo("kept");
        }
    }

    @Test
    void refusesADataDirectoryARunningServerUsesAndLeavesThatServerAlone() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            execute(running.jdbcUrl(), "create table busy (name text)", "insert into busy values ('still here')");

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, false))
                    .isInstanceOf(EmbeddedStartupException.class)
                    .hasMessageContaining("Another running Tenantry uses the embedded PostgreSQL");

            assertThat(queryOne(running.jdbcUrl(), "select name from busy")).isEqualTo("still here");
        }
    }

    /**
     * {@code kill -9} of the JVM leaves PostgreSQL (its own process) running, holding the data directory. The next
     * start must stop that orphan and take the data over.
     */
    @Test
    void takesOverFromAPostgresOrphanedByAKilledJvm() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanMaker.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        String url;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("READY "));
            assertThat(line).as("the child JVM started PostgreSQL").isNotNull();
            url = line.substring("READY ".length());
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(dataDir.resolve("postmaster.pid")))
                .as("the orphan still runs")
                .isTrue();
        assertThat(queryOne(url, "select name from survivor")).isEqualTo("orphaned");

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThat(queryOne(next.jdbcUrl(), "select name from survivor")).isEqualTo("orphaned");
        }
    }

    /** Run in a child JVM: starts PostgreSQL, writes a row, says where, and waits to be killed. */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, false);
            execute(server.jdbcUrl(), "create table survivor (name text)", "insert into survivor values ('orphaned')");
            System.out.println("READY " + server.jdbcUrl());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryOne(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
