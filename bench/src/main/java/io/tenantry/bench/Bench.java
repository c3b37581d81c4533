package io.tenantry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tenantry's benchmarks. Each starts the real application jar on the embedded default (a throw-away data directory,
 * its own PostgreSQL and Kafka), drives it over HTTP as a client would, prints its figures and writes them to
 * {@code bench/results/<scenario>.txt}.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * java -jar bench/target/tenantry-bench.jar all [--quick true] [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-user
 * postgres]
 * java -jar bench/target/tenantry-bench.jar audit-asof [--changes 10000] [--queries 2000] [--jar
 * app/target/tenantry.jar]
 * java -jar bench/target/tenantry-bench.jar usage [--clients 8] [--seconds 25] [--batch 500] [--tenants 8]
 * java -jar bench/target/tenantry-bench.jar api-keys [--clients 8] [--seconds 20] [--rate 500] [--app-args '...']
 * java -jar bench/target/tenantry-bench.jar webhooks [--members 5000] [--endpoints 4] [--seconds 30] [--app-args '...']
 * </pre>
 * {@code all} is what {@code bench/run.sh} runs: see {@link FullRun}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("Usage: java -jar tenantry-bench.jar all [--quick true]"
                    + " [--pg-host H --pg-port P --pg-user U --pg-password W]\n"
                    + "       java -jar tenantry-bench.jar commands [--clients N] [--seconds S] [--warm-up S]"
                    + " [--app-args '...']\n"
                    + "       java -jar tenantry-bench.jar audit-asof [--changes N] [--queries N] [--jar path]\n"
                    + "       java -jar tenantry-bench.jar usage [--clients N] [--seconds S] [--batch N] [--tenants N]\n"
                    + "       java -jar tenantry-bench.jar api-keys [--clients N] [--seconds S] [--rate R] [--app-args '...']\n"
                    + "       java -jar tenantry-bench.jar webhooks [--members N] [--endpoints N] [--seconds S]"
                    + " [--app-args '...']\n"
                    + "       java -jar tenantry-bench.jar reliability [kill9|database|kafka|soak|all]"
                    + " [--option value ...]");
            System.exit(2);
        }
        if (args[0].equals("reliability")) {
            // reliability [kill9|database|kafka|soak|all] [--option value ...]: see reliability/run.sh
            boolean named = args.length > 1 && !args[1].startsWith("--");
            String[] rest = java.util.Arrays.copyOfRange(args, named ? 1 : 0, args.length);
            try {
                System.exit(
                        io.tenantry.bench.reliability.Reliability.run(named ? args[1] : "all", options(rest)) ? 0 : 1);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "app/target/tenantry.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("No application jar at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw -B -q -DskipTests package");
            System.exit(2);
        }
        Path results = Path.of(options.getOrDefault("out", "bench/results"));
        String report;
        switch (args[0]) {
            case "all" ->
                report = new FullRun(
                                jar,
                                Boolean.parseBoolean(options.getOrDefault("quick", "false"))
                                        ? FullRun.Sizes.quick()
                                        : FullRun.Sizes.full(),
                                options)
                        .run(results);
            case "commands" -> report = CommandsRun.run(jar, options);
            case "audit-asof" ->
                report = new AuditAsOfBench(
                                Integer.parseInt(options.getOrDefault("changes", "10000")),
                                Integer.parseInt(options.getOrDefault("queries", "2000")))
                        .run(jar);
            case "exchange" ->
                report = new ExchangeBench(
                                Integer.parseInt(options.getOrDefault("clients", "8")),
                                Integer.parseInt(options.getOrDefault("seconds", "30")),
                                Integer.parseInt(options.getOrDefault("rate", "200")))
                        .run(jar);
            case "entitlements" ->
                report = new EntitlementBench(
                                Integer.parseInt(options.getOrDefault("clients", "8")),
                                Integer.parseInt(options.getOrDefault("seconds", "20")),
                                Integer.parseInt(options.getOrDefault("rate", "500")),
                                options.get("app-args"))
                        .run(jar);
            case "api-keys" ->
                report = new ApiKeyBench(
                                Integer.parseInt(options.getOrDefault("clients", "8")),
                                Integer.parseInt(options.getOrDefault("seconds", "20")),
                                Integer.parseInt(options.getOrDefault("rate", "500")),
                                options.get("app-args"))
                        .run(jar);
            case "webhooks" ->
                report = new WebhookBench(
                                Integer.parseInt(options.getOrDefault("members", "5000")),
                                Integer.parseInt(options.getOrDefault("endpoints", "4")),
                                Integer.parseInt(options.getOrDefault("seconds", "30")),
                                options.get("app-args"))
                        .run(jar);
            case "usage" ->
                report = new UsageBench(
                                Integer.parseInt(options.getOrDefault("clients", "8")),
                                Integer.parseInt(options.getOrDefault("seconds", "25")),
                                Integer.parseInt(options.getOrDefault("batch", "500")),
                                Integer.parseInt(options.getOrDefault("tenants", "8")))
                        .run(jar);
            default -> {
                System.err.println("Unknown benchmark " + args[0]
                        + "; known: all, commands, audit-asof, exchange, entitlements, api-keys, usage, webhooks");
                System.exit(2);
                return;
            }
        }
        System.out.println(report);
        Files.createDirectories(results);
        Files.writeString(results.resolve((args[0].equals("all") ? "summary" : args[0]) + ".txt"), report);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
