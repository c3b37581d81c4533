package io.tenantry.app.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tools from the npm registry a test runs with Node.js: the files of {@code setup} (a {@code package.json} and its
 * {@code package-lock.json}, which pins every version) are copied into {@code work}, {@code npm ci} installs them
 * there once, and commands run in that directory. Without Node.js and npm the test is skipped, or fails when
 * {@code CI=true} ({@link RequiredTools}).
 */
public final class NodeTools {

    private final Path work;

    private NodeTools(Path work) {
        this.work = work;
    }

    /** The tools of {@code setup}, installed under {@code work}. */
    public static NodeTools install(Path setup, Path work, String installedMarker) throws IOException {
        boolean npm = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "npx")));
        RequiredTools.require(npm, "no Node.js/npm on the path: apt-get install nodejs npm");
        Files.createDirectories(work);
        try (Stream<Path> files = Files.list(setup)) {
            for (Path file : files.toList()) {
                Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        NodeTools tools = new NodeTools(work);
        if (!Files.isDirectory(work.resolve("node_modules").resolve(installedMarker))) {
            Result install = tools.run("npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        return tools;
    }

    public Path directory() {
        return work;
    }

    /** Runs a command in the tools' directory, standard output and error together; at most 5 minutes. */
    public Result run(String... command) throws IOException {
        Path log = Files.createTempFile("node-tools", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took over 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(String.join(" ", command) + " was interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public record Result(int exitCode, String output) {}
}
