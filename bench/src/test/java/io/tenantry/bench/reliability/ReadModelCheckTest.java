package io.tenantry.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the battery tells read models that equal a rebuild from ones that do not. */
class ReadModelCheckTest {

    @Test
    void findsNoDifferenceWhenEveryTableHasTheSameRows() {
        Map<String, List<String>> tables =
                Map.of("tenant_directory", List.of("(a,1)", "(b,2)"), "tenant_member", List.of());

        assertThat(ReadModelCheck.differences(tables, Map.copyOf(tables))).isEmpty();
    }

    @Test
    void reportsARowThatDiffersMissingOrExtra() {
        Map<String, List<String>> before = Map.of(
                "tenant_directory",
                List.of("(a,1)", "(b,2)"),
                "tenant_member",
                List.of("(a,u1)"),
                "lead_directory",
                List.of("(l1)"));
        Map<String, List<String>> after = Map.of(
                "tenant_directory",
                List.of("(a,1)", "(b,3)"),
                "tenant_member",
                List.of("(a,u1)", "(a,u2)"),
                "lead_directory",
                List.of("(l1)"));

        assertThat(ReadModelCheck.differences(before, after))
                .containsExactlyInAnyOrder(
                        "tenant_directory: 2 rows before, 2 after; e.g. before only (b,2), after only (b,3)",
                        "tenant_member: 1 rows before, 2 after; e.g. before only -, after only (a,u2)");
    }

    @Test
    void countsATableTheRebuildLeftEmpty() {
        assertThat(ReadModelCheck.differences(Map.of("tenant_team", List.of("(t1)")), Map.of()))
                .containsExactly("tenant_team: 1 rows before, 0 after; e.g. before only (t1), after only -");
    }

    @Test
    void readsTheTablesFromTheProjectionsMigrationsInTheAppJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(jar))) {
            app.putNextEntry(new ZipEntry("BOOT-INF/lib/projections-0.1.0.jar"));
            app.write(nestedJar(Map.of(
                    "db/migration/V1_1__tenant_directory.sql", "create table tenant_directory (id text);",
                    "db/migration/V4_0__membership.sql",
                            "create table tenant_member (x text);\n" + "create table tenant_team (y text);",
                    "io/tenantry/Other.class", "create table not_a_migration (z text);")));
            app.putNextEntry(new ZipEntry("BOOT-INF/lib/command-side-0.1.0.jar"));
            app.write(nestedJar(Map.of("db/migration/V3_0__tenant_slugs.sql", "create table tenant_slug (s text);")));
        }

        assertThat(ReadModelCheck.tables(jar)).containsExactly("tenant_directory", "tenant_member", "tenant_team");
    }

    @Test
    void refusesAJarWithoutTheProjectionsMigrations(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("other.jar");
        try (ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(jar))) {
            app.putNextEntry(new ZipEntry("README.md"));
            app.write("nothing".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> ReadModelCheck.tables(jar)).hasMessageContaining("no projections migrations");
    }

    private static byte[] nestedJar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
