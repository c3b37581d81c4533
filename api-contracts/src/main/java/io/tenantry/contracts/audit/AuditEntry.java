package io.tenantry.contracts.audit;

import java.time.Instant;

/**
 * One change to a tenant as its audit log shows it: who ({@code actorId}: a user's {@code sub}, {@code apikey:<id>},
 * {@code system:<component>} or none), on whose behalf a partner admin acted ({@code impersonatorId}), what
 * ({@code action}, e.g. {@code member-added}) to what ({@code targetType}/{@code targetId}, e.g. {@code user}/{@code
 * bob}), when, in which request ({@code correlationId}) and from where ({@code originIp}, {@code userAgent}, where the
 * request recorded them). Ids only: no e-mail address, name or free text.
 *
 * @param id       the event's id in the event store
 * @param position the event's global position in the event store: the log's order and its cursor
 */
public record AuditEntry(
        String id,
        long position,
        String tenantId,
        Instant time,
        String actorId,
        ActorType actorType,
        String impersonatorId,
        String action,
        String targetType,
        String targetId,
        String correlationId,
        String originIp,
        String userAgent) {

    /** Who made a change: a person, a tenant API key, or Tenantry itself (a process, a deadline, a webhook). */
    public enum ActorType {
        USER,
        API_KEY,
        SYSTEM;

        public static ActorType of(String actorId) {
            if (actorId == null || actorId.isBlank() || actorId.startsWith("system:")) {
                return SYSTEM;
            }
            return actorId.startsWith("apikey:") ? API_KEY : USER;
        }
    }
}
