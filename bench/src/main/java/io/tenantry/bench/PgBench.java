package io.tenantry.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: pgbench appending one ~500-byte row per transaction to a table shaped like the event store's
 * (sequence-generated key, an identifier, a bytea payload), with {@code clients} clients for {@code seconds}.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private static final String SCRIPT = """
            insert into bench_event_append (event_identifier, payload)
            values (md5(random()::text), convert_to(repeat(md5(random()::text), 15), 'UTF8'));
            """;

    record Result(double tps, int clients, int seconds, String output) {}

    static Result run(Database database, int clients, int seconds) throws Exception {
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("""
                    create table if not exists bench_event_append (
                        id bigserial primary key, event_identifier varchar(255) not null unique,
                         payload bytea not null)""");
        }
        Path script = Files.createTempFile("tenantry-pgbench", ".sql");
        try {
            Files.writeString(script, SCRIPT);
            List<String> command = new ArrayList<>(List.of(
                    "pgbench",
                    "-n",
                    "-c",
                    Integer.toString(clients),
                    "-j",
                    Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                    "-T",
                    Integer.toString(seconds),
                    "-f",
                    script.toString()));
            command.addAll(database.pgbenchArguments());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (database.password() != null) {
                builder.environment().putAll(Map.of("PGPASSWORD", database.password()));
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("no tps in pgbench's output:\n" + output);
            }
            return new Result(Double.parseDouble(tps.group(1)), clients, seconds, output);
        } finally {
            Files.deleteIfExists(script);
            try (Connection connection = database.connect()) {
                connection.createStatement().execute("drop table if exists bench_event_append");
            }
        }
    }

    private PgBench() {}
}
