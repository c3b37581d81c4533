package io.tenantry.orchestrator;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The requests received, by context id ({@code orchestrator.requests}): what was decided for each and whether Tenantry
 * took the answer. A request is acted on once and answered until the answer is taken.
 */
public final class RequestLog {

    /** A decision recorded for a request. */
    public record Decision(boolean success, String reason, boolean answered) {}

    private final JdbcTemplate jdbc;

    public RequestLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the request unless it was received before; returns its decision so far, if any. */
    public Optional<Decision> receive(ProvisioningRequest request) {
        jdbc.update(
                """
                insert into orchestrator.requests (context_id, tenant_id, type, tier) values (?, ?, ?, ?)
                on conflict (context_id) do nothing""",
                request.contextId(),
                request.tenantId(),
                request.type(),
                request.tier().name());
        return jdbc
                .query(
                        "select outcome, reason, answered_at from orchestrator.requests where context_id = ?",
                        (row, n) -> row.getString("outcome") == null
                                ? null
                                : new Decision(
                                        "success".equals(row.getString("outcome")),
                                        row.getString("reason"),
                                        row.getTimestamp("answered_at") != null),
                        request.contextId())
                .stream()
                .filter(decision -> decision != null)
                .findFirst();
    }

    public void decided(ProvisioningRequest request, boolean success, String reason) {
        jdbc.update(
                "update orchestrator.requests set outcome = ?, reason = ?, decided_at = now() where context_id = ?",
                success ? "success" : "failure",
                reason,
                request.contextId());
    }

    public void answered(ProvisioningRequest request, int status) {
        jdbc.update(
                "update orchestrator.requests set answered_at = now(), answer_status = ? where context_id = ?",
                status,
                request.contextId());
    }
}
