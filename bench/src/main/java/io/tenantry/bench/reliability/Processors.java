package io.tenantry.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The app's event processors as {@code GET /api/admin/projections} shows them (partner-admin). */
final class Processors {

    private final Http http;
    private final String adminToken;

    Processors(Http http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    /** The processors' statuses, or null when the app does not answer them. */
    JsonNode statuses() {
        Http.Answer answer = http.get("/api/admin/projections", adminToken);
        return answer.status() == 200 ? answer.json() : null;
    }

    /** The largest lag of any tracking processor now, or -1 when unknown. */
    long maxLag() {
        JsonNode statuses = statuses();
        if (statuses == null) {
            return -1;
        }
        long max = 0;
        for (JsonNode processor : statuses) {
            if (processor.hasNonNull("lag")) {
                max = Math.max(max, processor.path("lag").asLong());
            } else if (!"subscribing".equals(processor.path("state").asText())) {
                return -1;
            }
        }
        return max;
    }

    /** Each tracking processor's lag now (empty when the app does not answer). */
    java.util.Map<String, Long> lags() {
        java.util.Map<String, Long> lags = new java.util.TreeMap<>();
        JsonNode statuses = statuses();
        if (statuses != null) {
            statuses.forEach(p -> {
                if (p.hasNonNull("lag")) {
                    lags.put(p.path("name").asText(), p.path("lag").asLong());
                }
            });
        }
        return lags;
    }

    /** The event store's head position, or -1. */
    long head() {
        JsonNode statuses = statuses();
        return statuses == null || statuses.isEmpty()
                ? -1
                : statuses.path(0).path("head").asLong(-1);
    }

    List<String> rebuildable() {
        List<String> names = new ArrayList<>();
        JsonNode statuses = statuses();
        if (statuses != null) {
            statuses.forEach(p -> {
                if (p.path("rebuildable").asBoolean()) {
                    names.add(p.path("name").asText());
                }
            });
        }
        return names;
    }

    /**
     * Waits until every tracking processor runs (not replaying, no error) at lag 0, and the head stayed put over
     * two looks (sagas may still be writing); answers how long that took, or null when it did not happen in time.
     */
    Duration awaitCaughtUp(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long lastHead = Long.MIN_VALUE;
        while (System.nanoTime() < deadline) {
            JsonNode statuses = statuses();
            if (statuses != null && caughtUp(statuses)) {
                long head = statuses.path(0).path("head").asLong(-1);
                if (head == lastHead) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
                lastHead = head;
            } else {
                lastHead = Long.MIN_VALUE;
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static boolean caughtUp(JsonNode statuses) {
        for (JsonNode processor : statuses) {
            String state = processor.path("state").asText();
            if (state.equals("subscribing")) {
                continue;
            }
            if (!state.equals("running") || processor.path("lag").asLong(-1) != 0) {
                return false;
            }
        }
        return true;
    }

    /** One line per processor not caught up: for a report. */
    String laggards() {
        JsonNode statuses = statuses();
        if (statuses == null) {
            return "(no answer from /api/admin/projections)";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode p : statuses) {
            if (!"subscribing".equals(p.path("state").asText())
                    && (!"running".equals(p.path("state").asText())
                            || p.path("lag").asLong(-1) != 0)) {
                text.append(p.path("name").asText())
                        .append(" ")
                        .append(p.path("state").asText())
                        .append(" lag ")
                        .append(p.path("lag").asText())
                        .append(" errors ")
                        .append(p.path("errors"))
                        .append("; ");
            }
        }
        return text.toString();
    }
}
