package io.tenantry.bench;

import io.tenantry.kafka.KraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario {@code commands}: the command mix of {@link CommandLoad} alone, against a fresh database, for a quick
 * before/after of the write path (and, with {@code BENCH_APP_JVM_ARGS}, a profile of it): commands per second,
 * latency and the app's CPU per command. Options: {@code --clients}, {@code --seconds}, {@code --warm-up},
 * {@code --app-args}.
 */
final class CommandsRun {

    private CommandsRun() {}

    static String run(Path jar, Map<String, String> options) throws Exception {
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "10"));
        Path dataDir = Files.createTempDirectory("tenantry-bench-commands");
        try (Database database = Database.choose(
                        options.getOrDefault("pg-host", "127.0.0.1"),
                        Integer.parseInt(options.getOrDefault("pg-port", "5432")),
                        options.getOrDefault("pg-user", "postgres"),
                        options.get("pg-password"));
                KraftBroker kafka = KraftBroker.start(3)) {
            List<String> arguments = new ArrayList<>(database.appArguments());
            arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            if (options.containsKey("app-args")) {
                arguments.addAll(List.of(options.get("app-args").trim().split("\\s+")));
            }
            try (RunningApp app = RunningApp.start(jar, dataDir, false, arguments.toArray(String[]::new))) {
                String owner = app.token("bench-owner", null);
                // the warm-up (JIT, pools, caches) is a run of its own, so CPU is counted over the measured run only
                new CommandLoad(app, owner, clients, 0, warmUp).run();
                double cpuBefore = app.cpuSeconds();
                CommandLoad.Result load = new CommandLoad(app, owner, clients, 0, seconds).run();
                double cpu = app.cpuSeconds() - cpuBefore;
                StringBuilder out = new StringBuilder();
                out.append(String.format(
                        Locale.ROOT,
                        "commands: %d clients, %d s (after %d s warm-up): %.0f/s, %d errors%s%n",
                        clients,
                        seconds,
                        warmUp,
                        load.commandsPerSecond(),
                        load.errors(),
                        load.firstError() == null ? "" : " (first: " + load.firstError() + ")"));
                out.append(load.latency().line("all commands")).append('\n');
                load.latencyByKind()
                        .forEach((kind, stats) -> out.append(stats.line(kind)).append('\n'));
                out.append(String.format(
                        Locale.ROOT,
                        "app CPU: %.1f s for %,d commands = %,.0f µs per command%n",
                        cpu,
                        load.acknowledgedWithWarmUp(),
                        cpu * 1e6 / Math.max(1, load.acknowledgedWithWarmUp())));
                return out.toString();
            }
        } finally {
            RunningApp.deleteRecursively(dataDir);
        }
    }
}
