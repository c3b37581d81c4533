package io.tenantry.bench.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL 17 (zonky's binaries, as the app's embedded default) run by the driver, not by the app: on a fixed
 * port with its cluster in a directory of ours, so it outlives a {@code kill -9} of the app, and {@link #stop()} and
 * {@link #start()} take it away and bring it back (a fast shutdown: sessions are ended, committed data stays).
 */
final class HostedPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private HostedPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static HostedPostgres start(Path dataDirectory) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HostedPostgres server = new HostedPostgres(dataDirectory, port);
        server.start();
        // PostgreSQL is a process of its own: stop it when this JVM ends, however the scenario ended
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.stop();
                            } catch (IOException ignored) {
                                // the JVM is going anyway
                            }
                        },
                        "stop-hosted-postgres"));
        return server;
    }

    synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // durable, as the app's persistent default: a crash loses nothing committed
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
    }

    synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", null);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL 17 (zonky) on port " + port + ", cluster in " + dataDirectory;
    }
}
