package io.tenantry.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a reliability scenario did, for people: one block per case in {@code target/reliability/<scenario>.txt}
 * (the load applied, the faults injected, the counts checked, the verdict), which {@code reliability/run.sh} prints.
 * A file is started afresh by the first block a test JVM writes to it, so it shows the last run only.
 */
final class ReliabilityReport {

    private static final Path DIRECTORY = Path.of(System.getProperty("basedir", "."), "target", "reliability");
    private static final Set<String> STARTED = new HashSet<>();

    private ReliabilityReport() {}

    /** The body of a case, filling in its block as it goes. */
    interface Case {
        void run(Block block) throws Exception;
    }

    /**
     * Runs one case of {@code scenario} and appends its block, passed or failed; a failure is rethrown.
     * {@code title} names the case ("slug", "member adds").
     */
    static void record(String scenario, String title, Case body) throws Exception {
        Block block = new Block();
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            body.run(block);
        } catch (Exception | AssertionError e) {
            failure = e;
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            write(scenario, block.render(scenario, title, took, failure));
        }
    }

    /** The lines of one case's block. */
    static final class Block {
        private final List<String> lines = new ArrayList<>();

        /** The load applied: how many requests of which kind, how many at once, how many rounds. */
        void load(String format, Object... args) {
            lines.add("  load:    " + format.formatted(args));
        }

        /** The faults injected (duplicates, replays, contention), or that none were. */
        void faults(String format, Object... args) {
            lines.add("  faults:  " + format.formatted(args));
        }

        /** A count checked, with what it had to be. */
        void checked(String format, Object... args) {
            lines.add("  checked: " + format.formatted(args));
        }

        private String render(String scenario, String title, Duration took, Throwable failure) {
            StringBuilder text = new StringBuilder();
            text.append(scenario)
                    .append(": ")
                    .append(title)
                    .append(" — ")
                    .append(failure == null ? "PASSED" : "FAILED")
                    .append(String.format(Locale.ROOT, " in %.1f s%n", took.toMillis() / 1000.0));
            lines.forEach(line -> text.append(line).append(System.lineSeparator()));
            if (failure != null) {
                String message = String.valueOf(failure.getMessage()).strip().replace("\n", "\n           ");
                text.append("  failure: ")
                        .append(failure.getClass().getSimpleName())
                        .append(": ")
                        .append(message)
                        .append(System.lineSeparator());
            }
            return text.append(System.lineSeparator()).toString();
        }
    }

    private static synchronized void write(String scenario, String block) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(scenario + ".txt");
            StandardOpenOption mode =
                    STARTED.add(scenario) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(
                    file, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
