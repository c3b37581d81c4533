package io.tenantry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The application jar running in its own process on the embedded default, in a throw-away data directory, and an
 * HTTP client for it. Closing it stops the process and removes the directory.
 */
public final class RunningApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final Process process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(Path jar, Path dataDir, boolean ownsDataDir, int port, Process process) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.process = process;
    }

    static RunningApp start(Path jar, String... extraArguments) throws Exception {
        return start(jar, Files.createTempDirectory("tenantry-bench"), true, extraArguments);
    }

    /**
     * Starts the jar on {@code dataDir}; with {@code ownsDataDir} false the directory (and an embedded cluster in it)
     * outlives this process, so a later start finds the same keys and data.
     */
    public static RunningApp start(Path jar, Path dataDir, boolean ownsDataDir, String... extraArguments)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        // e.g. BENCH_APP_JVM_ARGS="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile": a profile of the
        // app
        String jvmArguments = System.getenv("BENCH_APP_JVM_ARGS");
        if (jvmArguments != null && !jvmArguments.isBlank()) {
            command.addAll(List.of(jvmArguments.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--tenantry.data-dir=" + dataDir,
                "--server.port=" + port,
                "--logging.level.root=WARN",
                // the bench measures Tenantry: an orchestrator building tenants' databases in the same process (the
                // embedded default's) would count toward its CPU; requests wait on the topic as for an outside one
                "--tenantry.orchestrator.enabled=false"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("app.log").toFile()))
                .start();
        RunningApp app = new RunningApp(jar, dataDir, ownsDataDir, port, process);
        app.awaitHealthy(Duration.ofMinutes(3));
        return app;
    }

    /** A development token for {@code subject}, made by the jar's own {@code token} command. */
    public String token(String subject, String roles) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "token",
                "--sub",
                subject,
                "--data-dir",
                dataDir.toString()));
        if (roles != null) {
            command.addAll(List.of("--roles", roles));
        }
        Process token = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (token.waitFor() != 0) {
            throw new IllegalStateException(
                    "token command failed: " + new String(token.getErrorStream().readAllBytes()));
        }
        return out.lines().reduce((first, second) -> second).orElseThrow();
    }

    public int port() {
        return port;
    }

    /** The app's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * {@code kill -9}: the process dies at once, mid-request, without shutting anything down; the data directory
     * stays. Returns once it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * CPU seconds the app process has used so far, all its threads together (Linux {@code /proc}; NaN elsewhere).
     * Unlike a rate, CPU per unit of work hardly changes with what else the machine runs: the before/after figure.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3, utime field 14, stime field 15, in clock ticks (100 per second)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** One request; answers its status, body and how long it took. */
    Call call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token, body, null);
    }

    /** One request with an {@code Idempotency-Key} (as every real client's write carries one), when not null. */
    Call call(String method, String path, String token, Object body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        JsonNode json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Call(response.statusCode(), json, nanos);
    }

    record Call(int status, JsonNode body, long nanos) {
        Call expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped; see " + dataDir.resolve("app.log") + ":\n"
                        + Files.readString(dataDir.resolve("app.log")));
            }
            try {
                if (call("GET", "/actuator/health", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become healthy within " + timeout);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
