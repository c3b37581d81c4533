package io.tenantry.app.reliability;

import io.tenantry.app.test.Api;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tally of HTTP answers by status and problem code ("201", "409 slug_taken"), summed over the rounds of a case,
 * and printed as "20 × 201, 1980 × 409 slug_taken".
 */
final class Outcomes {

    private final Map<String, Integer> counts = new TreeMap<>();

    /** The label of one answer: its status, and its problem code when it is a problem. */
    static String label(Api.Response response) {
        boolean problem = response.header("Content-Type")
                .map(type -> type.startsWith("application/problem+json"))
                .orElse(false);
        return problem
                ? response.status() + " " + response.json().path("code").asText()
                : Integer.toString(response.status());
    }

    Outcomes add(Api.Response response) {
        return add(label(response));
    }

    Outcomes addAll(Collection<Api.Response> responses) {
        responses.forEach(this::add);
        return this;
    }

    Outcomes add(String label) {
        counts.merge(label, 1, Integer::sum);
        return this;
    }

    int count(String label) {
        return counts.getOrDefault(label, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The counts as a map, for exact assertions. */
    Map<String, Integer> asMap() {
        return Map.copyOf(counts);
    }

    @Override
    public String toString() {
        return counts.isEmpty()
                ? "nothing"
                : counts.entrySet().stream()
                        .map(entry -> entry.getValue() + " × " + entry.getKey())
                        .collect(Collectors.joining(", "));
    }
}
