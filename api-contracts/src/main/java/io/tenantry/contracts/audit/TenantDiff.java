package io.tenantry.contracts.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What changed in a tenant between two instants, from its events: plan, status, members and teams. A field whose
 * value did not change has equal {@code from} and {@code to}.
 */
public record TenantDiff(
        String tenantId,
        Instant from,
        Instant to,
        Change plan,
        Change status,
        List<MemberChange> members,
        List<TeamChange> teams) {

    public TenantDiff {
        members = List.copyOf(members);
        teams = List.copyOf(teams);
    }

    public record Change(String from, String to, boolean changed) {
        public static Change of(String from, String to) {
            return new Change(from, to, !Objects.equals(from, to));
        }
    }

    /** A member that joined ({@code fromRole} null), left ({@code toRole} null) or changed role. */
    public record MemberChange(String userId, String fromRole, String toRole) {}

    /** A team created ({@code fromName} null), deleted ({@code toName} null) or renamed. */
    public record TeamChange(String teamId, String fromName, String toName) {}
}
