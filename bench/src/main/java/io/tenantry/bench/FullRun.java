package io.tenantry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenantry.kafka.KraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Scenario {@code all}: every figure of the benchmark issue, in one run against one PostgreSQL (see {@link Database}):
 * the pgbench ceiling, command throughput and projection lag under load, then a bulk-loaded history
 * ({@link BulkEvents}) rebuilt by the read models (replay), the membership check and audit as-of on it.
 * Prints one table and writes it to {@code summary.json} and {@code summary.txt}.
 */
final class FullRun {

    record Sizes(
            int pgbenchSeconds,
            int clients,
            int warmUpSeconds,
            int loadSeconds,
            int tenants,
            int membersPerTenant,
            int auditChanges,
            long totalEvents,
            int replaySeconds,
            int membershipRate,
            int membershipSeconds,
            int asOfQueries) {

        static Sizes full() {
            return new Sizes(20, 16, 30, 20, 10_000, 10, 10_000, 1_000_000, 90, 2_000, 15, 1_000);
        }

        static Sizes quick() {
            return new Sizes(5, 16, 5, 8, 1_000, 10, 1_000, 100_000, 30, 500, 5, 300);
        }
    }

    private final Path jar;
    private final Sizes sizes;
    private final Map<String, String> options;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();

    FullRun(Path jar, Sizes sizes, Map<String, String> options) {
        this.jar = jar;
        this.sizes = sizes;
        this.options = options;
    }

    String run(Path results) throws Exception {
        Instant began = Instant.now();
        String loadBefore = loadAverage();
        json.put("startedAt", began.toString());
        json.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        "jvm",
                        System.getProperty("java.version"),
                        "loadAverageAtStart",
                        loadBefore));
        json.put("sizes", sizes);
        Path dataDir = Files.createTempDirectory("tenantry-bench-all");
        try (Database database = Database.choose(
                        options.getOrDefault("pg-host", "127.0.0.1"),
                        Integer.parseInt(options.getOrDefault("pg-port", "5432")),
                        options.getOrDefault("pg-user", "postgres"),
                        options.get("pg-password"));
                // Kafka in this process: the app's CPU is then the app's own, not the broker's as well
                KraftBroker kafka = KraftBroker.start(3)) {
            json.put("database", database.describe());
            log("database: " + database.describe());
            List<String> arguments = new ArrayList<>(database.appArguments());
            arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            if (options.containsKey("app-args")) {
                // e.g. "--axon.eventhandling.processors.tenant-directory.batch-size=1": a before/after on one machine
                arguments.addAll(List.of(options.get("app-args").trim().split("\\s+")));
                json.put("appArguments", options.get("app-args"));
            }
            String[] appArguments = arguments.toArray(String[]::new);

            // 1. the ceiling (on the embedded default the server only exists while the app runs)
            PgBench.Result ceiling = database.embedded() ? null : pgbench(database);

            // 2 and 3. commands under load and the projection lag at that load
            List<String> processors;
            String owner;
            String admin;
            try (RunningApp app = RunningApp.start(jar, dataDir, false, appArguments)) {
                if (ceiling == null) {
                    ceiling = pgbench(database);
                }
                owner = app.token("bench-owner", null);
                admin = app.token("bench-admin", "partner-admin");
                log("commands: %d clients closed loop, %d s warm-up, %d s measured"
                        .formatted(sizes.clients(), sizes.warmUpSeconds(), sizes.loadSeconds()));
                // the warm-up (JIT, pools, caches) is a run of its own, so CPU is counted over the measured run only
                new CommandLoad(app, owner, sizes.clients(), 0, sizes.warmUpSeconds()).run();
                double cpuBefore = app.cpuSeconds();
                CommandLoad.Result load = new CommandLoad(app, owner, sizes.clients(), 0, sizes.loadSeconds()).run();
                double cpu = app.cpuSeconds() - cpuBefore;
                perUnit(
                        "commands",
                        "command (with everything the app did meanwhile, all processors included)",
                        cpu,
                        load.acknowledgedWithWarmUp());
                reportCommands(load, ceiling, cpu * 1e6 / Math.max(1, load.acknowledgedWithWarmUp()));
                awaitCaughtUp(app, admin, Duration.ofSeconds(30));
                int lagRate = Math.max(1, (int) (load.commandsPerSecond() / 2));
                log("projection lag: open loop at %d commands/s (half the measured maximum), %d s"
                        .formatted(lagRate, sizes.loadSeconds()));
                reportLag(LagRun.run(app, owner, lagRate, sizes.loadSeconds(), 5));
                processors = new ArrayList<>();
                for (JsonNode processor : app.call("GET", "/api/admin/projections", admin, null)
                        .expect(200)
                        .body()) {
                    processors.add(processor.path("name").asText());
                }
                awaitCaughtUp(app, admin, Duration.ofSeconds(30));
            }

            // 5 (loading). the bulk history, written while no processor runs
            if (database.embedded()) {
                // the embedded server lives with the app: keep one up whose processors only see live events
                List<String> hostArguments = new ArrayList<>(List.of(appArguments));
                processors.forEach(
                        name -> hostArguments.add("--axon.eventhandling.processors." + name + ".mode=subscribing"));
                try (RunningApp host = RunningApp.start(jar, dataDir, false, hostArguments.toArray(String[]::new))) {
                    bulk(database);
                }
            } else {
                bulk(database);
            }
            boolean replayed;
            try (RunningApp app = RunningApp.start(jar, dataDir, false, appArguments)) {
                replayed = replay(app, admin);
                if (replayed) {
                    membershipCheck(app, owner, database);
                    auditAsOf(app, admin, database);
                }
            }
            if (!replayed) {
                // the rest of the rebuild would run beside the next steps: stop it where it got to (the bulk's
                // memberships come first in the store, so the membership read model is complete) and go on
                try (Connection connection = database.connect()) {
                    BulkEvents.tokensToHead(connection, loaded.head());
                }
                try (RunningApp app = RunningApp.start(jar, dataDir, false, appArguments)) {
                    membershipCheck(app, owner, database);
                    auditAsOf(app, admin, database);
                }
            }
        } finally {
            RunningApp.deleteRecursively(dataDir);
        }
        Duration took = Duration.between(began, Instant.now());
        json.put("loadAverageAtEnd", loadAverage());
        json.put("appCpu", appCpu);
        json.put("seconds", took.toSeconds());
        return summary(results, took, loadBefore);
    }

    private PgBench.Result pgbench(Database database) throws Exception {
        log("pgbench: 8 clients, %d s, one ~500-byte insert per transaction".formatted(sizes.pgbenchSeconds()));
        PgBench.Result result = PgBench.run(database, 8, sizes.pgbenchSeconds());
        table.add(new String[] {
            "1",
            "pgbench single-row insert (8 clients, " + sizes.pgbenchSeconds() + " s)",
            fmt("%.0f tps", result.tps()),
            "the ceiling",
            ""
        });
        json.put("pgbench", Map.of("tps", result.tps(), "clients", 8, "seconds", sizes.pgbenchSeconds()));
        return result;
    }

    private BulkEvents.Loaded loaded;

    private void bulk(Database database) throws Exception {
        log("bulk history: %d tenants x %d members, audit tenant with %d plan changes, up to %d events"
                .formatted(sizes.tenants(), sizes.membersPerTenant(), sizes.auditChanges(), sizes.totalEvents()));
        try (Connection connection = database.connect()) {
            loaded = BulkEvents.load(
                    connection, sizes.tenants(), sizes.membersPerTenant(), sizes.auditChanges(), sizes.totalEvents());
        }
        details.append(fmt(
                "bulk load: %d events written in %.1f s (head %d), %d plan changes per other tenant%n",
                loaded.inserted(), loaded.millis() / 1000.0, loaded.head(), loaded.filledChanges()));
        json.put("bulk", loaded);
    }

    private void reportCommands(CommandLoad.Result load, PgBench.Result ceiling, double cpuMicrosPerCommand) {
        double ratio = load.commandsPerSecond() / ceiling.tps();
        table.add(new String[] {
            "2",
            "commands/s (" + load.clients() + " clients closed loop, create/member-add/plan-change)",
            fmt("%.0f/s (%.1f%% of pgbench)", load.commandsPerSecond(), ratio * 100),
            ">= 8% of pgbench",
            ratio >= 0.08 ? "yes" : "NO"
        });
        double p99 = load.latency().percentileMillis(99);
        table.add(new String[] {
            "2",
            "command latency p50 / p95 / p99",
            fmt(
                    "%.1f / %.1f / %.1f ms",
                    load.latency().percentileMillis(50), load.latency().percentileMillis(95), p99),
            "p99 <= 50 ms",
            p99 <= 50 ? "yes" : "NO"
        });
        table.add(new String[] {
            "2",
            "app CPU per command (all processors included)",
            fmt("%,.0f µs", cpuMicrosPerCommand),
            "<= 2,000 µs",
            cpuMicrosPerCommand <= 2000 ? "yes" : "NO"
        });
        details.append(fmt(
                "commands: %d in %d s, %d errors%s%n",
                load.commands(),
                load.seconds(),
                load.errors(),
                load.firstError() == null ? "" : " (first: " + load.firstError() + ")"));
        details.append(load.latency().line("all commands")).append('\n');
        load.latencyByKind()
                .forEach((kind, stats) -> details.append(stats.line(kind)).append('\n'));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", load.clients());
        figures.put("seconds", load.seconds());
        figures.put("commands", load.commands());
        figures.put("commandsPerSecond", load.commandsPerSecond());
        figures.put("ratioToPgbench", ratio);
        figures.put("latencyMillis", load.latency().summary());
        figures.put("errors", load.errors());
        figures.put("cpuMicrosPerCommand", cpuMicrosPerCommand);
        load.latencyByKind().forEach((kind, stats) -> figures.put(kind + "LatencyMillis", stats.summary()));
        json.put("commands", figures);
    }

    private void reportLag(LagRun.Result lag) {
        double p99 = lag.lag().percentileMillis(99);
        table.add(new String[] {
            "3",
            fmt(
                    "projection lag p50 / p99, open loop at %d commands/s (%d sampled)",
                    lag.perSecond(), lag.lag().count()),
            fmt("%.1f / %.1f ms", lag.lag().percentileMillis(50), p99),
            "p99 <= 100 ms",
            p99 <= 100 && lag.timeouts() == 0 ? "yes" : "NO"
        });
        details.append(fmt(
                "projection lag: offered %d commands/s for %d s, answered %.0f/s, %d failed, %d dropped, "
                        + "%d probes timed out%n",
                lag.perSecond(),
                lag.seconds(),
                lag.commands().answeredPerSecond(),
                lag.commands().wrong(),
                lag.commands().dropped(),
                lag.timeouts()));
        details.append(lag.commands().latency().line("commands at " + lag.perSecond() + "/s"))
                .append('\n');
        details.append(lag.lag().line("projection lag (ack -> visible)")).append('\n');
        json.put(
                "projectionLag",
                Map.of(
                        "offeredPerSecond",
                        lag.perSecond(),
                        "millis",
                        lag.lag().summary(),
                        "timeouts",
                        lag.timeouts(),
                        "commandLatencyMillis",
                        lag.commands().latency().summary()));
    }

    /**
     * Rebuilds every read model, one after another (each alone, as an operator rebuilds one after a change: its
     * rate is its own, not a share of the machine among seven); true when each caught up within
     * {@code replaySeconds}.
     */
    private boolean replay(RunningApp app, String admin) throws Exception {
        List<String> rebuildable = new ArrayList<>();
        for (JsonNode processor : app.call("GET", "/api/admin/projections", admin, null)
                .expect(200)
                .body()) {
            if (processor.path("rebuildable").asBoolean()) {
                rebuildable.add(processor.path("name").asText());
            }
        }
        log("replay: rebuilding " + rebuildable + " one at a time from " + loaded.head() + " events");
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Long> reached = new LinkedHashMap<>();
        Map<String, Boolean> finished = new LinkedHashMap<>();
        double cpuBefore = app.cpuSeconds();
        for (String name : rebuildable) {
            long start = System.nanoTime();
            app.call("POST", "/api/admin/projections/" + name + "/rebuild", admin, null)
                    .expect(202);
            double elapsed = 0;
            long position = 0;
            boolean done = false;
            // cut at the cap, but not before the read model holds the bulk's tenants and memberships (steps 4 and 6)
            while (!done && (elapsed < sizes.replaySeconds() || position < loaded.creationsEnd())) {
                Thread.sleep(50);
                JsonNode status = null;
                for (JsonNode processor : app.call("GET", "/api/admin/projections", admin, null)
                        .expect(200)
                        .body()) {
                    if (processor.path("name").asText().equals(name)) {
                        status = processor;
                    }
                }
                if (status == null) {
                    throw new IllegalStateException("no processor " + name + " any more");
                }
                elapsed = (System.nanoTime() - start) / 1e9;
                position = status.path("position").asLong();
                done = position >= loaded.head() && status.path("lag").asLong(-1) == 0;
            }
            seconds.put(name, elapsed);
            reached.put(name, done ? loaded.head() : position);
            finished.put(name, done);
            log(fmt("replay: %s %s after %.1f s", name, done ? "done" : "stopped", elapsed));
            if (!done) {
                break; // the rest of its rebuild would run beside the next one's: the caller stops it
            }
        }
        boolean done = finished.size() == rebuildable.size() && !finished.containsValue(false);
        perUnit(
                "replay",
                "event per read model",
                app.cpuSeconds() - cpuBefore,
                reached.values().stream().mapToLong(Long::longValue).sum());
        // the slowest read model sets the pace: events it got through per second of its own rebuild
        double eventsPerSecond = Double.MAX_VALUE;
        for (String name : rebuildable) {
            if (!seconds.containsKey(name)) {
                details.append(fmt("replay: %-24s not started (an earlier one did not finish)%n", name));
                eventsPerSecond = 0;
                continue;
            }
            double rate = reached.get(name) / seconds.get(name);
            eventsPerSecond = Math.min(eventsPerSecond, rate);
            details.append(fmt(
                    "replay: %-24s %s after %6.1f s: %,d events, %,.0f events/s%n",
                    name, finished.get(name) ? "done   " : "stopped", seconds.get(name), reached.get(name), rate));
        }
        double total =
                seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        table.add(new String[] {
            "5",
            fmt("replay: rebuild each of %d read models from %,d events", rebuildable.size(), loaded.head()),
            fmt(
                    "%,.0f events/s slowest (%s)",
                    eventsPerSecond, done ? fmt("all done in %.1f s", total) : "not all done"),
            ">= 50,000 events/s",
            eventsPerSecond >= 50_000 ? "yes" : "NO"
        });
        json.put(
                "replay",
                Map.of(
                        "events",
                        loaded.head(),
                        "seconds",
                        total,
                        "finished",
                        done,
                        "eventsPerSecond",
                        eventsPerSecond,
                        "perReadModelSeconds",
                        seconds,
                        "reached",
                        reached));
        return done;
    }

    private void membershipCheck(RunningApp app, String owner, Database database) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        long members;
        long tenants;
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select tenant_id, user_id from tenant_member where user_id like 'user-%'")) {
                while (rows.next()) {
                    pairs.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            try (ResultSet count = statement.executeQuery(
                    "select (select count(*) from tenant_member), " + "(select count(*) from tenant_directory)")) {
                count.next();
                members = count.getLong(1);
                tenants = count.getLong(2);
            }
        }
        log("membership check: %d tenants, %d memberships in the read model".formatted(tenants, members));
        OpenLoop.Request check = i -> {
            String[] pair = pairs.get((int) Math.floorMod(i * 7919L, pairs.size()));
            return app.call("GET", "/api/tenants/" + pair[0] + "/members/" + pair[1], owner, null)
                            .status()
                    == 200;
        };
        OpenLoop.closedLoop(8, 5, check); // warm-up
        double closedCpuBefore = app.cpuSeconds();
        long closedStart = System.nanoTime();
        double most = OpenLoop.closedLoop(8, 10, check);
        double closedCpu = app.cpuSeconds() - closedCpuBefore;
        double closedSeconds = (System.nanoTime() - closedStart) / 1e9;
        double microsPerCheck = closedCpu * 1e6 / Math.max(1, most * closedSeconds);
        perUnit("membershipCheck", "membership check (closed loop, 8 clients)", closedCpu, (long)
                (most * closedSeconds));
        OpenLoop.Result result = OpenLoop.run(sizes.membershipRate(), sizes.membershipSeconds(), 64, check);
        double p99 = result.latency().percentileMillis(99);
        table.add(new String[] {
            "4",
            fmt("membership check, %,d tenants / %,d memberships, closed loop 8 clients", tenants, members),
            fmt("%,.0f req/s", most),
            ">= 4,000 req/s",
            most >= 4000 ? "yes" : "NO"
        });
        table.add(new String[] {
            "4",
            "app CPU per membership check",
            fmt("%,.0f µs", microsPerCheck),
            "<= 300 µs",
            microsPerCheck <= 300 ? "yes" : "NO"
        });
        table.add(new String[] {
            "4",
            fmt("membership check p99, open loop at %d/s", sizes.membershipRate()),
            fmt("%.2f ms (answered %.0f/s)", p99, result.answeredPerSecond()),
            "",
            ""
        });
        details.append(fmt(
                "membership check: %,.0f req/s closed loop (8 clients, 10 s); open loop offered %d/s for %d s, "
                        + "answered %.0f/s, %d wrong, %d dropped (not sent: queued over 10 s)%n",
                most,
                sizes.membershipRate(),
                sizes.membershipSeconds(),
                result.answeredPerSecond(),
                result.wrong(),
                result.dropped()));
        details.append(result.latency().line("membership check at " + sizes.membershipRate() + "/s"))
                .append('\n');
        json.put(
                "membershipCheck",
                Map.of(
                        "tenants",
                        tenants,
                        "memberships",
                        members,
                        "closedLoopPerSecond",
                        most,
                        "offeredPerSecond",
                        sizes.membershipRate(),
                        "answeredPerSecond",
                        result.answeredPerSecond(),
                        "latencyMillis",
                        result.latency().summary(),
                        "wrong",
                        result.wrong(),
                        "dropped",
                        result.dropped()));
    }

    private void auditAsOf(RunningApp app, String admin, Database database) throws Exception {
        List<Instant> changedAt = new ArrayList<>();
        List<String> planAfter = new ArrayList<>();
        Instant created;
        try (Connection connection = database.connect();
                PreparedStatement changes = connection.prepareStatement("select changed_at, sequence_number from "
                        + "plan_change_index where tenant_id = ? order by changed_at, sequence_number")) {
            changes.setString(1, loaded.auditTenantId());
            try (ResultSet rows = changes.executeQuery()) {
                while (rows.next()) {
                    changedAt.add(rows.getTimestamp(1).toInstant());
                    planAfter.add(rows.getLong(2) % 2 == 1 ? "business" : "team");
                }
            }
            try (PreparedStatement first = connection.prepareStatement(
                    "select min(time_stamp) from domain_event_entry " + "where aggregate_identifier = ?")) {
                first.setString(1, loaded.auditTenantId());
                try (ResultSet row = first.executeQuery()) {
                    row.next();
                    created = Instant.parse(row.getString(1));
                }
            }
        }
        log("audit as-of: tenant with %d plan changes, %d queries".formatted(changedAt.size(), sizes.asOfQueries()));
        Random random = new Random(42);
        long span = Duration.between(
                        created, changedAt.get(changedAt.size() - 1).plusSeconds(1))
                .toMillis();
        String path = "/api/audit/tenants/" + loaded.auditTenantId() + "/plan-changes?asOf=";
        for (int i = 0; i < 50; i++) {
            app.call("GET", path + created.plusMillis((long) (random.nextDouble() * span)), admin, null)
                    .expect(200);
        }
        long[] nanos = new long[sizes.asOfQueries()];
        int wrong = 0;
        for (int i = 0; i < nanos.length; i++) {
            Instant at = created.plusMillis((long) (random.nextDouble() * span));
            RunningApp.Call call = app.call("GET", path + at, admin, null).expect(200);
            nanos[i] = call.nanos();
            if (!AuditAsOfBench.expectedPlan(changedAt, planAfter, at, "team")
                    .equals(call.body().path("planId").asText())) {
                wrong++;
            }
        }
        Stats stats = new Stats(nanos);
        double p99 = stats.percentileMillis(99);
        table.add(new String[] {
            "6",
            fmt("audit as-of, tenant with %,d plan changes (%d random instants)", changedAt.size(), nanos.length),
            fmt("p50 %.2f / p99 %.2f ms, %d wrong", stats.percentileMillis(50), p99, wrong),
            "p99 <= 10 ms",
            p99 <= 10 && wrong == 0 ? "yes" : "NO"
        });
        details.append(stats.line("audit as-of")).append('\n');
        json.put(
                "auditAsOf",
                Map.of(
                        "planChanges",
                        changedAt.size(),
                        "queries",
                        nanos.length,
                        "latencyMillis",
                        stats.summary(),
                        "wrong",
                        wrong));
    }

    /** The app's CPU per unit of work: the figure to compare before and after a change on a busy machine. */
    private void perUnit(String key, String unit, double cpuSeconds, long units) {
        double micros = cpuSeconds * 1e6 / Math.max(1, units);
        details.append(fmt("app CPU: %.1f s for %,d units = %,.0f µs per %s%n", cpuSeconds, units, micros, unit));
        appCpu.put(key, Map.of("cpuSeconds", cpuSeconds, "units", units, "microsPerUnit", micros));
    }

    private final Map<String, Object> appCpu = new LinkedHashMap<>();

    private static void awaitCaughtUp(RunningApp app, String admin, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean behind = false;
            for (JsonNode processor : app.call("GET", "/api/admin/projections", admin, null)
                    .expect(200)
                    .body()) {
                behind |= processor.path("lag").asLong(0) > 0;
            }
            if (!behind) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private String summary(Path results, Duration took, String loadBefore) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(fmt(
                "Tenantry benchmark, %s: %d cores, load average %s at start, %s at end; %s; took %d s%n",
                json.get("startedAt"),
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                json.get("loadAverageAtEnd"),
                json.get("database"),
                took.toSeconds()));
        int[] widths = {1, 6, 6, 6, 4};
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3]
                + "s | %-" + widths[4] + "s |%n";
        out.append(fmt(format, "#", "figure", "result", "target", "met"));
        out.append(fmt(
                format,
                "-".repeat(widths[0]),
                "-".repeat(widths[1]),
                "-".repeat(widths[2]),
                "-".repeat(widths[3]),
                "-".repeat(widths[4])));
        for (String[] row : table) {
            out.append(fmt(format, (Object[]) row));
        }
        out.append('\n').append(details);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] row : table) {
            rows.add(Map.of("step", row[0], "figure", row[1], "result", row[2], "target", row[3], "met", row[4]));
        }
        json.put("table", rows);
        Files.createDirectories(results);
        Files.writeString(
                results.resolve("summary.json"),
                RunningApp.JSON
                        .copy()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json));
        return out.toString();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }

    private static String fmt(String format, Object... arguments) {
        return String.format(Locale.ROOT, format, arguments);
    }
}
