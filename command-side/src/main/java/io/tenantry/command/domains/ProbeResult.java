package io.tenantry.command.domains;

import io.tenantry.contracts.domains.VerificationMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one probe found: whether it passed, what it looked up, what it expected and found (values cut short, at most
 * a few), and why it did not pass: {@code record_missing} (no TXT record there), {@code value_mismatch} (records, none
 * the challenge), {@code lookup_failed} (no answer in time, or an error), {@code unexpected_status} (the file's
 * address answered other than 200), {@code content_mismatch} (the file holds something else), {@code fetch_failed}
 * (no connection, TLS or time-out), {@code address_not_public} (the domain points at a private or local address).
 */
public record ProbeResult(
        VerificationMethod method,
        boolean passed,
        String lookedUp,
        String expected,
        List<String> found,
        String reason) {

    private static final int MAX_VALUES = 5;
    private static final int MAX_VALUE_LENGTH = 64;

    public ProbeResult {
        found = found == null
                ? List.of()
                : found.stream().limit(MAX_VALUES).map(ProbeResult::cut).toList();
    }

    public static ProbeResult passed(VerificationMethod method, String lookedUp, String expected, List<String> found) {
        return new ProbeResult(method, true, lookedUp, expected, found, null);
    }

    public static ProbeResult failed(
            VerificationMethod method, String lookedUp, String expected, List<String> found, String reason) {
        return new ProbeResult(method, false, lookedUp, expected, found, reason);
    }

    /** One line for the event store: what was looked up, and what was found or went wrong. */
    public String summary() {
        return method + " " + lookedUp + ": " + (passed ? "found the challenge" : reason + " " + found);
    }

    /** The problem's view of it: plain JSON values. */
    public Map<String, Object> asProblemField() {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("method", method.name());
        field.put("lookedUp", lookedUp);
        field.put("expected", expected);
        field.put("found", found);
        field.put("reason", reason);
        return field;
    }

    private static String cut(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_VALUE_LENGTH ? clean.substring(0, MAX_VALUE_LENGTH) + "…" : clean;
    }
}
