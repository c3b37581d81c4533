package io.tenantry.bench.reliability;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The long scenarios of the reliability battery: each starts the app jar on a PostgreSQL and a Kafka that
 * this JVM hosts (so they outlive the app and can be stopped on purpose), drives a load at it, injects its fault,
 * checks the outcome, prints a block (load applied, faults injected, counts checked, PASS/FAIL) and writes it to
 * {@code reliability/results/<scenario>.txt}. {@code reliability/run.sh} runs them all.
 *
 * <pre>
 * java -jar bench/target/tenantry-bench.jar reliability [kill9|database|kafka|soak|all] [--clients 12] ...
 * </pre>
 */
public final class Reliability {

    private static final Map<String, Function<Options, Report>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("kill9", new Kill9Scenario()::run);
        SCENARIOS.put("database", new DatabaseRestartScenario()::run);
        SCENARIOS.put("kafka", new KafkaOutageScenario()::run);
        SCENARIOS.put("soak", new SoakScenario()::run);
        SCENARIOS.put("webhooks", new WebhookScenario()::run);
    }

    private Reliability() {}

    /** Runs the scenario named (or all); answers whether every one passed. */
    public static boolean run(String which, Map<String, String> options) throws Exception {
        Options parsed = new Options(options);
        if (!Files.isRegularFile(parsed.jar())) {
            throw new IllegalArgumentException("No application jar at "
                    + parsed.jar().toAbsolutePath() + ": build it with ./mvnw -B -q -DskipTests package");
        }
        List<String> names = which.equals("all") ? List.copyOf(SCENARIOS.keySet()) : List.of(which.split(","));
        for (String name : names) {
            if (!SCENARIOS.containsKey(name)) {
                throw new IllegalArgumentException(
                        "Unknown scenario " + name + "; known: " + SCENARIOS.keySet() + ", all");
            }
        }
        Files.createDirectories(parsed.results());
        List<String> summary = new ArrayList<>();
        boolean passed = true;
        for (String name : names) {
            Instant began = Instant.now();
            System.out.println("-- reliability scenario " + name + " (" + began + ")");
            Files.deleteIfExists(parsed.results().resolve(name + "-app.log")); // a failed earlier run's
            Report report = SCENARIOS.get(name).apply(parsed);
            String text = report.text();
            System.out.println();
            System.out.println(text);
            Files.writeString(parsed.results().resolve(name + ".txt"), text);
            summary.add(String.format(
                    "%-9s %s in %d s",
                    name,
                    report.passed() ? "PASS" : "FAIL",
                    Duration.between(began, Instant.now()).toSeconds()));
            passed &= report.passed();
        }
        System.out.println("== reliability: " + (passed ? "PASS" : "FAIL"));
        summary.forEach(line -> System.out.println("  " + line));
        return passed;
    }
}
