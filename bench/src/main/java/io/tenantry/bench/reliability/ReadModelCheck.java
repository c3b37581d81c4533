package io.tenantry.bench.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The read models as they are against a full rebuild from the event store, row for row (as the app's
 * ProjectionRebuildIT does it): every table the projections module's migrations create is read whole, every
 * rebuildable read model is rebuilt through the admin API, and once all have caught up the tables are read again.
 */
final class ReadModelCheck {

    private static final Pattern CREATE_TABLE = Pattern.compile("create table (\\w+)");

    private ReadModelCheck() {}

    /** The projections module's tables, read from its migrations inside the app jar. */
    static List<String> tables(Path appJar) throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        try (ZipFile jar = new ZipFile(appJar.toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().matches("BOOT-INF/lib/projections-[^/]*\\.jar")) {
                    continue;
                }
                try (InputStream nested = jar.getInputStream(entry);
                        ZipInputStream projections = new ZipInputStream(nested)) {
                    for (ZipEntry file; (file = projections.getNextEntry()) != null; ) {
                        if (file.getName().startsWith("db/migration/")
                                && file.getName().endsWith(".sql")) {
                            Matcher create = CREATE_TABLE.matcher(
                                    new String(projections.readAllBytes(), StandardCharsets.UTF_8));
                            while (create.find()) {
                                tables.add(create.group(1));
                            }
                        }
                    }
                }
            }
        }
        if (!tables.contains("tenant_directory")) {
            throw new IllegalStateException("no projections migrations found in " + appJar);
        }
        return List.copyOf(tables);
    }

    static Map<String, List<String>> snapshot(HostedPostgres postgres, List<String> tables) throws SQLException {
        Map<String, List<String>> snapshot = new TreeMap<>();
        try (Connection connection = postgres.connect()) {
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result =
                        connection.createStatement().executeQuery("select t::text from " + table + " t order by 1")) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                snapshot.put(table, rows);
            }
        }
        return snapshot;
    }

    /** Snapshot, rebuild everything, snapshot again, compare; the app must be quiet (no load) meanwhile. */
    static void compare(
            Report report, Path appJar, HostedPostgres postgres, Http http, String adminToken, Processors processors)
            throws Exception {
        List<String> tables = tables(appJar);
        Duration caughtUp = processors.awaitCaughtUp(Duration.ofMinutes(3));
        if (!report.check("read models caught up before the rebuild", caughtUp != null, processors.laggards())) {
            return;
        }
        long headBefore = processors.head();
        Map<String, List<String>> before = snapshot(postgres, tables);
        List<String> readModels = processors.rebuildable();
        long started = System.nanoTime();
        List<String> refused = new ArrayList<>();
        for (String name : readModels) {
            Http.Answer rebuilt =
                    http.send("POST", "/api/admin/projections/" + name + "/rebuild", adminToken, null, null);
            if (rebuilt.status() != 202) {
                refused.add(name + ": " + rebuilt);
            }
        }
        report.check("rebuild of every read model accepted", refused.isEmpty(), CommandCheck.first(refused));
        Duration rebuilt = processors.awaitCaughtUp(Duration.ofMinutes(3));
        if (!report.check("read models caught up after the rebuild", rebuilt != null, processors.laggards())) {
            return;
        }
        long headAfter = processors.head();
        Map<String, List<String>> after = snapshot(postgres, tables);
        int rows = before.values().stream().mapToInt(List::size).sum();
        List<String> differences = differences(before, after);
        report.count(String.format(
                Locale.ROOT,
                "read models: %d tables, %d rows, compared with a rebuild of %s from %d events "
                        + "(rebuilt in %.1f s)",
                tables.size(),
                rows,
                readModels,
                headAfter + 1,
                (System.nanoTime() - started) / 1e9));
        report.check(
                "nothing written during the comparison",
                headBefore == headAfter,
                "head " + headBefore + " -> " + headAfter);
        report.check(
                "read models equal a full rebuild, row for row",
                differences.isEmpty(),
                CommandCheck.first(differences));
    }

    /** Per table whose rows differ (in content or number), a line with the counts and a row found on one side only. */
    static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> differences = new ArrayList<>();
        before.forEach((table, rowsBefore) -> {
            List<String> rowsAfter = after.getOrDefault(table, List.of());
            if (!rowsBefore.equals(rowsAfter)) {
                List<String> onlyBefore = new ArrayList<>(rowsBefore);
                onlyBefore.removeAll(rowsAfter);
                List<String> onlyAfter = new ArrayList<>(rowsAfter);
                onlyAfter.removeAll(rowsBefore);
                differences.add(String.format(
                        Locale.ROOT,
                        "%s: %d rows before, %d after; e.g. before only %s, after only %s",
                        table,
                        rowsBefore.size(),
                        rowsAfter.size(),
                        onlyBefore.isEmpty() ? "-" : Http.abbreviate(onlyBefore.get(0), 300),
                        onlyAfter.isEmpty() ? "-" : Http.abbreviate(onlyAfter.get(0), 300)));
            }
        });
        return differences;
    }
}
