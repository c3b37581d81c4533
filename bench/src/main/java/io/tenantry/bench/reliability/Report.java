package io.tenantry.bench.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's block of the report: the load applied, the faults injected (what, when, how long), the counts
 * checked, and each check with PASS or FAIL; the scenario passes when every check does.
 */
final class Report {

    private final String scenario;
    private final String title;
    private final Instant began = Instant.now();
    private final List<String> load = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();
    private final List<String> counts = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean failed;
    private Throwable aborted;

    Report(String scenario, String title) {
        this.scenario = scenario;
        this.title = title;
    }

    String scenario() {
        return scenario;
    }

    /** Seconds since the scenario began, for the time line of the faults. */
    String at() {
        return String.format(
                Locale.ROOT, "t+%.1fs", Duration.between(began, Instant.now()).toMillis() / 1000.0);
    }

    void load(String line) {
        load.add(line);
        progress("load: " + line);
    }

    void fault(String line) {
        faults.add(at() + " " + line);
        progress("fault: " + line);
    }

    void count(String line) {
        counts.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    /** A check: true when it passed. */
    boolean check(String what, boolean passed, String detail) {
        checks.add((passed ? "PASS " : "FAIL ") + what + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        failed |= !passed;
        progress((passed ? "PASS " : "FAIL ") + what);
        return passed;
    }

    /** The scenario could not run to its end. */
    void abort(Throwable failure) {
        if (failure == aborted) {
            return;
        }
        aborted = failure;
        checks.add("FAIL the scenario stopped early: " + failure);
        failed = true;
    }

    boolean passed() {
        return !failed;
    }

    void progress(String line) {
        System.out.println("  [" + scenario + " " + at() + "] " + line);
        System.out.flush();
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("== ")
                .append(scenario)
                .append(": ")
                .append(title)
                .append(" — ")
                .append(passed() ? "PASS" : "FAIL")
                .append(String.format(
                        Locale.ROOT,
                        " (%d s)%n",
                        Duration.between(began, Instant.now()).toSeconds()));
        section(text, "load applied", load);
        section(text, "faults injected", faults);
        section(text, "counts checked", counts);
        section(text, "checks", checks);
        section(text, "notes", notes);
        text.append("result: ").append(passed() ? "PASS" : "FAIL").append('\n');
        return text.toString();
    }

    private static void section(StringBuilder text, String name, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(name).append(":\n");
        for (String line : lines) {
            text.append("  ").append(line.replace("\n", "\n  ")).append('\n');
        }
    }
}
