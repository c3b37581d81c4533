package io.tenantry.bench.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The command line's {@code --name value} options of a reliability run. */
record Options(Map<String, String> values) {

    Path jar() {
        return Path.of(values.getOrDefault("jar", "app/target/tenantry.jar"));
    }

    Path results() {
        return Path.of(values.getOrDefault("out", "reliability/results"));
    }

    /** More arguments for the app, e.g. {@code --app-args "--tenantry.idempotency.lock-timeout=20s"}. */
    List<String> appArguments() {
        String extra = values.getOrDefault("app-args", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }
}
