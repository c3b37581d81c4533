package io.tenantry.bench;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one PostgreSQL every step runs against: a fresh database {@code tenantry_bench_<time>} on the server given
 * (by default the local one on 127.0.0.1:5432), dropped at the end; or, when no server answers there, the app's
 * embedded cluster on a fixed port, which pgbench then reaches as well.
 */
final class Database implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;
    private final boolean embedded;

    private Database(String host, int port, String user, String password, String name, boolean embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
        this.embedded = embedded;
    }

    /** A fresh database on {@code host:port}, or the embedded default when nothing answers there. */
    static Database choose(String host, int port, String user, String password) throws Exception {
        String name = "tenantry_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin =
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            admin.createStatement().execute("create database " + name);
            return new Database(host, port, user, password, name, false);
        } catch (SQLException unreachable) {
            System.out.println("no PostgreSQL at " + host + ":" + port + " (" + unreachable.getMessage()
                    + "): using the app's embedded default on a fixed port");
            try (ServerSocket socket = new ServerSocket(0)) {
                return new Database("127.0.0.1", socket.getLocalPort(), "postgres", null, "postgres", true);
            }
        }
    }

    boolean embedded() {
        return embedded;
    }

    String describe() {
        return (embedded ? "embedded PostgreSQL 17 (the app's default)" : "PostgreSQL at " + host + ":" + port)
                + ", database " + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
    }

    /** What the app is started with to use this database. */
    List<String> appArguments() {
        List<String> arguments = new ArrayList<>();
        if (embedded) {
            arguments.add("--tenantry.embedded.postgres-port=" + port);
        } else {
            arguments.add("--spring.datasource.url=jdbc:postgresql://" + host + ":" + port + "/" + name);
            arguments.add("--spring.datasource.username=" + user);
            if (password != null) {
                arguments.add("--spring.datasource.password=" + password);
            }
            // the dev JWT keys and privacy secret in the bench's data directory, as on the embedded default
            arguments.add("--tenantry.security.generate-dev-keys=true");
        }
        return arguments;
    }

    /** pgbench's connection options for this database. */
    List<String> pgbenchArguments() {
        return List.of("-h", host, "-p", Integer.toString(port), "-U", user, name);
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        if (embedded) {
            return;
        }
        try (Connection admin =
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }
}
