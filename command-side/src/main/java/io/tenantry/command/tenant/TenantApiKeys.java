package io.tenantry.command.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.apikey.ApiKeyCreatedEvent;
import io.tenantry.contracts.apikey.ApiKeyRevokedEvent;
import io.tenantry.contracts.apikey.ApiKeyScopes;
import io.tenantry.contracts.apikey.CreateApiKeyCommand;
import io.tenantry.contracts.apikey.RevokeApiKeyCommand;
import io.tenantry.contracts.plan.PlanCatalogue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A tenant's API keys, as an entity of the Tenant aggregate: an OWNER or ADMIN (in person: a key makes no keys)
 * creates one with scopes and an optional end, within the plan's {@code api-keys} limit (keys neither revoked nor
 * expired count), and revokes it. Keys belong to the tenant: they outlive whoever created them.
 */
class TenantApiKeys {

    static final String LIMIT = "api-keys";
    private static final int MAX_NAME = 100;

    private final Roster roster;
    private final Map<String, Key> keys = new LinkedHashMap<>();

    TenantApiKeys(Roster roster) {
        this.roster = roster;
    }

    /** Creates the key; answers when it was created. */
    @CommandHandler
    Instant handle(CreateApiKeyCommand command, PlanCatalogue plans) {
        requirePerson(command.caller());
        roster.requireLive();
        roster.requireManager(command.caller());
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainRefusal.invalid("invalid_api_key_name", "A key's name has 1 to " + MAX_NAME + " characters.");
        }
        List<String> scopes = ApiKeyScopes.known(command.scopes());
        Instant now = Roster.now();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw DomainRefusal.invalid(
                    "invalid_expiry", "expiresAt (" + command.expiresAt() + ") must lie in the future.");
        }
        if (keys.containsKey(command.keyId())) {
            throw DomainRefusal.conflict("api_key_exists", "This tenant already has a key " + command.keyId() + ".");
        }
        int live = (int) keys.values().stream().filter(key -> key.liveAt(now)).count();
        TenantPlan.requireRoom(roster, plans, "API keys", live, LIMIT, "");
        apply(new ApiKeyCreatedEvent(
                roster.tenantId(),
                command.keyId(),
                name,
                scopes,
                command.expiresAt(),
                command.shown(),
                command.secretHash(),
                command.caller().userId()));
        return now;
    }

    /** Revokes the key; revoking a revoked key changes nothing. */
    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        requirePerson(command.caller());
        roster.requireLive();
        roster.requireManager(command.caller());
        Key key = keys.get(command.keyId());
        if (key == null) {
            throw DomainRefusal.notFound("api_key_not_found", "This tenant has no API key " + command.keyId() + ".");
        }
        if (!key.revoked()) {
            apply(new ApiKeyRevokedEvent(
                    roster.tenantId(), command.keyId(), command.caller().userId()));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyCreatedEvent event) {
        keys.put(event.keyId(), new Key(event.expiresAt(), false));
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        keys.computeIfPresent(event.keyId(), (id, key) -> new Key(key.expiresAt(), true));
    }

    private static void requirePerson(Caller caller) {
        if (caller != null && caller.isApiKey()) {
            throw DomainRefusal.forbidden("insufficient_scope", "An API key cannot manage the tenant's API keys.");
        }
    }

    private record Key(Instant expiresAt, boolean revoked) {

        boolean liveAt(Instant now) {
            return !revoked && (expiresAt == null || expiresAt.isAfter(now));
        }
    }
}
