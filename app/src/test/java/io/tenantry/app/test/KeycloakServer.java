package io.tenantry.app.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak server for the test JVM, started on first use and stopped when the JVM exits: the
 * {@code keycloak-quarkus-dist} that Maven unpacks into {@code target/keycloak} (system property
 * {@code tenantry.keycloak.home}), built once for an in-memory database ({@code kc.sh build}, skipped while its marker
 * says the build is current), then started on free ports of 127.0.0.1 with a bootstrap admin. Keycloak 26 runs on
 * Java 21 or later: {@code KEYCLOAK_JAVA_HOME}, else this JVM when new enough, else the newest JDK 21+ under
 * /usr/lib/jvm. Its output goes to {@code target/keycloak-server.log} (and the build's to
 * {@code target/keycloak-build.log}). Every test context is pointed at it ({@code tenantry.idp.keycloak.*}, registered
 * in META-INF/spring.factories).
 */
public final class KeycloakServer {

    public static final String ADMIN_USERNAME = "tenantry-admin";
    public static final String ADMIN_PASSWORD = "tenantry-admin-password";
    /** The realm whose users sign in to Tenantry in tests (made by the test that needs it). */
    public static final String USERS_REALM = "tenantry-users";

    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true", "--cache=local");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static Running running;

    private KeycloakServer() {}

    private record Running(String url, Process process) {}

    /** The server's base URL ({@code http://127.0.0.1:<port>}), starting it if this JVM has none yet. */
    public static synchronized String url() {
        if (running == null) {
            running = start();
        }
        return running.url();
    }

    /**
     * Freezes the server (SIGSTOP to it and its children): the kernel still accepts connections, nothing answers, as
     * a Keycloak that stalls. Always {@link #resume()} afterwards: the server is shared by every test of the JVM.
     */
    public static synchronized void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} server run again (SIGCONT). */
    public static synchronized void resume() {
        signal("CONT");
    }

    private static void signal(String signal) {
        url();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        running.process().descendants().forEach(child -> command.add(Long.toString(child.pid())));
        command.add(Long.toString(running.process().pid()));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kill -" + signal + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling Keycloak", e);
        }
    }

    private static Running start() {
        Path home = home();
        Path javaHome = javaHome();
        long began = System.nanoTime();
        build(home, javaHome);
        long built = System.nanoTime();
        int httpPort = freePort();
        int managementPort = freePort();
        Path log = home.getParent().getParent().resolve("keycloak-server.log");
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder, javaHome);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + home, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
        awaitReady(process, "http://127.0.0.1:" + managementPort + "/health/ready", log);
        System.out.printf(
                "Keycloak %s ready at http://127.0.0.1:%d (build %d ms, start %d ms, Java %s; log %s)%n",
                home.getFileName(),
                httpPort,
                (built - began) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000,
                javaHome,
                log);
        return new Running("http://127.0.0.1:" + httpPort, process);
    }

    private static Path home() {
        String configured = System.getProperty("tenantry.keycloak.home");
        Path home = configured != null ? Path.of(configured) : findUnpacked();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak server at " + home + ": it is unpacked by Maven "
                    + "(process-test-resources of the app module); run the tests through Maven once");
        }
        return home.toAbsolutePath();
    }

    private static Path findUnpacked() {
        try (Stream<Path> found = Files.list(Path.of("target", "keycloak"))) {
            return found.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
                    .max(Comparator.naturalOrder())
                    .orElse(Path.of("target", "keycloak", "missing"));
        } catch (IOException e) {
            return Path.of("target", "keycloak", "missing");
        }
    }

    /** {@code kc.sh build}, unless the marker says this unpacked server was built with these options already. */
    private static void build(Path home, Path javaHome) {
        Path marker = home.resolve(".tenantry-build");
        String expected = String.join(" ", BUILD_OPTIONS) + " " + builtState(home);
        if (Files.exists(marker) && expected.equals(read(marker))) {
            return;
        }
        Path log = home.getParent().getParent().resolve("keycloak-build.log");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder, javaHome);
        try {
            Process process = builder.start();
            if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop(process);
                throw new IllegalStateException("kc.sh build took over " + BUILD_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed (exit " + process.exitValue() + "); see " + log);
            }
            Files.writeString(marker, String.join(" ", BUILD_OPTIONS) + " " + builtState(home));
        } catch (IOException e) {
            throw new UncheckedIOException("kc.sh build could not run in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Keycloak was being built", e);
        }
    }

    /** What a build writes: unpacking the server again replaces it, and then the marker no longer matches. */
    private static String builtState(Path home) {
        Path built = home.resolve("lib/quarkus/quarkus-application.dat");
        try {
            FileTime modified = Files.getLastModifiedTime(built);
            return Files.size(built) + "@" + modified.toMillis();
        } catch (IOException e) {
            return "unbuilt";
        }
    }

    private static void environment(ProcessBuilder builder, Path javaHome) {
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("PATH", javaHome.resolve("bin") + File.pathSeparator + environment.getOrDefault("PATH", ""));
        // a test server: a small heap rather than Keycloak's share of the machine's memory
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        environment.remove("JAVA_OPTS");
    }

    /** KEYCLOAK_JAVA_HOME, this JVM when 21 or later, the newest JDK 21+ under /usr/lib/jvm, else this JVM anyway. */
    static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return current;
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk).orElse(0) >= 21)
                    .max(Comparator.comparing((Path jdk) -> featureVersion(jdk).orElse(0)))
                    .orElse(current);
        } catch (IOException e) {
            return current;
        }
    }

    private static Optional<Integer> featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void awaitReady(Process process, String health, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            if (ready(health)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        stop(process);
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; see " + log);
    }

    private static boolean ready(String health) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(health).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** kc.sh and the java it runs (and anything else below it): asked to stop, then made to. */
    private static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle handle : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Points a test context at the server, starting it when the context is made. */
    public static final class Factory extends PropertiesFirst {
        @Override
        protected String name() {
            return "keycloakServer";
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of(
                    "tenantry.idp.keycloak.url",
                    url(),
                    "tenantry.idp.keycloak.realm",
                    "master",
                    "tenantry.idp.keycloak.client-id",
                    "admin-cli",
                    "tenantry.idp.keycloak.username",
                    ADMIN_USERNAME,
                    "tenantry.idp.keycloak.password",
                    ADMIN_PASSWORD,
                    // a stalled Keycloak (OutsideSystemFailureIT) is given up after this, not the default 30 s; a
                    // realm is made within 10 s even on a busy machine
                    "tenantry.idp.keycloak.read-timeout",
                    "15s",
                    // its users' tokens are exchanged for tenant tokens and accepted by the API
                    // (KeycloakTokenExchangeIT)
                    "tenantry.oauth.trusted-issuers[0].issuer",
                    url() + "/realms/" + USERS_REALM,
                    "tenantry.oauth.trusted-issuers[0].jwk-set-uri",
                    url() + "/realms/" + USERS_REALM + "/protocol/openid-connect/certs");
        }
    }
}
