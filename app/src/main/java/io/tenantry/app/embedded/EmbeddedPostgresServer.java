package io.tenantry.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 (zonky's binaries) whose cluster lives in a directory of ours, so a restart keeps the data.
 * Durable mode keeps PostgreSQL's crash safety; the throw-away mode used by tests trades it for speed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        refuseRootWithoutUserNamespaces();
        try {
            Files.createDirectories(dataDirectory);
            refuseIfInUse(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (EmbeddedStartupException e) {
            throw e;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw new EmbeddedStartupException(
                    "The embedded PostgreSQL could not start in " + dataDirectory.toAbsolutePath() + ": "
                            + rootMessage(e),
                    "Check that the directory is writable and not used by another Tenantry, or run against your own "
                            + "database: set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME/PASSWORD).",
                    e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }

    /** PostgreSQL refuses to run as root; zonky then runs it through {@code unshare -U}, which a system may forbid. */
    private static void refuseRootWithoutUserNamespaces() {
        if (isRoot() && isLinux() && !LinuxUtils.isUnshareAvailable()) {
            throw new EmbeddedStartupException(
                    "The embedded PostgreSQL cannot start: this process runs as root, PostgreSQL refuses to run as "
                            + "root, and running it in a user namespace (unshare -U) was refused by this system.",
                    "Run Tenantry as a non-root user, or allow unprivileged user namespaces "
                            + "(sysctl kernel.unprivileged_userns_clone=1 / user.max_user_namespaces), or configure a "
                            + "database: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                            + "SPRING_DATASOURCE_PASSWORD.",
                    null);
        }
    }

    /**
     * A running Tenantry holds a lock on {@value #LOCK_FILE} (zonky takes it at start). Only when nobody holds it is
     * a PostgreSQL still running in the directory an orphan that may be stopped.
     */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean inUse;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            inUse = lock == null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            inUse = true;
        }
        if (inUse) {
            throw new EmbeddedStartupException(
                    "Another running Tenantry uses the embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + ".",
                    "Stop that Tenantry first, or give this one its own data directory (TENANTRY_DATA_DIR), or "
                            + "point both at one database with SPRING_DATASOURCE_URL.",
                    null);
        }
    }

    /**
     * After a {@code kill -9} of the JVM, PostgreSQL (a separate process) keeps running on the old port and holds the
     * data directory. Ask it to shut down fast so this start can take over.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> postmaster =
                lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty()
                || !postmaster.get().isAlive()
                || !postmaster
                        .get()
                        .info()
                        .command()
                        .map(c -> c.contains("postgres"))
                        .orElse(false)) {
            return;
        }
        ProcessHandle process = postmaster.get();
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL " + process.pid(), e);
        } catch (Exception e) {
            throw new IOException("a PostgreSQL left running (pid " + process.pid() + ") did not stop", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux");
    }

    private static boolean isRoot() {
        try {
            Class<?> unix = Class.forName("com.sun.security.auth.module.UnixSystem");
            Object system = unix.getDeclaredConstructor().newInstance();
            return ((Number) unix.getMethod("getUid").invoke(system)).longValue() == 0;
        } catch (ReflectiveOperationException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
