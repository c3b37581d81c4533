package io.tenantry.command.tenant;

import java.time.Instant;
import java.util.Objects;

/** A membership (of the tenant, or of a team) with when it began and last changed. */
final class Seat<R> {
    R role;
    final Instant joinedAt;
    Instant updatedAt;
    long version;
    /** A suspended membership (of the tenant) keeps its seat and gives no access until reactivated. */
    boolean suspended;

    Seat(R role, Instant at, long version) {
        this.role = role;
        this.joinedAt = at;
        this.updatedAt = at;
        this.version = version;
    }

    void change(R newRole, Instant at, long newVersion) {
        role = newRole;
        updatedAt = at;
        version = newVersion;
    }

    void suspended(boolean value, Instant at, long newVersion) {
        suspended = value;
        updatedAt = at;
        version = newVersion;
    }

    // value equality: Axon's test fixture compares the state it built with the state events rebuild
    @Override
    public boolean equals(Object other) {
        return other instanceof Seat<?> seat
                && Objects.equals(role, seat.role)
                && joinedAt.equals(seat.joinedAt)
                && updatedAt.equals(seat.updatedAt)
                && version == seat.version
                && suspended == seat.suspended;
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, joinedAt, updatedAt, version, suspended);
    }
}
