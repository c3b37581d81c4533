package io.tenantry.command.tenant;

import io.tenantry.contracts.tenant.TeamRole;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A team and its members. */
final class Team {
    final String id;
    String name;
    String description;
    final Instant createdAt;
    Instant updatedAt;
    long version;
    final Map<String, Seat<TeamRole>> members = new LinkedHashMap<>();

    Team(String id, String name, String description, Instant at, long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.createdAt = at;
        this.updatedAt = at;
        this.version = version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Team team
                && id.equals(team.id)
                && name.equals(team.name)
                && Objects.equals(description, team.description)
                && createdAt.equals(team.createdAt)
                && updatedAt.equals(team.updatedAt)
                && version == team.version
                && members.equals(team.members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, createdAt, updatedAt, version, members);
    }
}
