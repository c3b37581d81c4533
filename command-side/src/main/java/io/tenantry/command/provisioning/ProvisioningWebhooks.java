package io.tenantry.command.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.ProvisioningOutcome;
import io.tenantry.contracts.tenant.ReceiveProvisioningCallbackCommand;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orchestrator's webhook: a request is believed only with a fresh {@code x-timestamp} (within
 * {@code tenantry.provisioning.webhook-tolerance}), a signature never seen before (kept for that window) and a
 * signature that matches the tenant's own attempt (checked by the tenant). The signature is recorded in the same
 * transaction as the tenant's event, so any refusal or failure records nothing and changes nothing. Callbacks for one
 * tenant run one at a time (a lock held until that transaction commits), so two copies of one result, however signed
 * and however close together, apply it once: the other answers {@code applied: false} or, if identical, is a replay.
 */
@Component
public class ProvisioningWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,64}");

    private final ProvisioningSignatures signatures;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final Duration tolerance;
    private final Clock clock;

    @Autowired
    ProvisioningWebhooks(
            ProvisioningSignatures signatures,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            CommandGateway commands,
            @Value("${tenantry.provisioning.webhook-tolerance:20s}") Duration tolerance) {
        this(signatures, jdbc, transactions, commands, tolerance, Clock.systemUTC());
    }

    ProvisioningWebhooks(
            ProvisioningSignatures signatures,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            CommandGateway commands,
            Duration tolerance,
            Clock clock) {
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * The orchestrator's callback, as {@code {"status", "initiatorId", "type"}} and an optional {@code "reason"} (its
     * code for a failure: lower-case letters, digits and {@code _}, at most 64), with its two headers.
     */
    record Callback(String tenantId, boolean success, boolean deprovisioning, String reason) {}

    public ProvisioningOutcome receive(String payload, String signature, String timestamp) {
        if (!signatures.configured()) {
            throw new ProvisioningUnavailableException("The provisioning webhook is not configured here "
                    + "(tenantry.provisioning.webhook-secret); nothing was changed.");
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw unauthorized("missing_signature", "The x-signature and x-timestamp headers are required.");
        }
        Instant sentAt = sentAt(timestamp);
        Instant now = clock.instant();
        if (Duration.between(sentAt, now).abs().compareTo(tolerance) > 0) {
            throw unauthorized(
                    "stale_timestamp",
                    "The x-timestamp is more than " + tolerance.toSeconds()
                            + " s away from now; sign the request again.");
        }
        Callback callback = read(payload);
        Instant keepUntil = sentAt.plus(tolerance).isAfter(now) ? sentAt.plus(tolerance) : now;
        return transactions.execute(status -> {
            // One callback per tenant at a time, until this transaction commits: the tenant's own lock ends with its
            // command, before the commit, so a second copy would decide without the first's event (and collide, 409).
            jdbc.query(
                    "select pg_advisory_xact_lock(hashtext(?))",
                    row -> {},
                    "provisioning-webhook:" + callback.tenantId());
            jdbc.update("delete from provisioning_webhook_receipt where expires_at < ?", Timestamp.from(now));
            int fresh = jdbc.update(
                    """
                    insert into provisioning_webhook_receipt (signature, tenant_id, expires_at) values (?, ?, ?)
                    on conflict do nothing""",
                    signature.trim().toLowerCase(java.util.Locale.ROOT),
                    callback.tenantId(),
                    Timestamp.from(keepUntil));
            if (fresh == 0) {
                throw unauthorized("replayed_signature", "This signature was used before; sign each request anew.");
            }
            return commands.<ProvisioningOutcome>sendAndWait(new ReceiveProvisioningCallbackCommand(
                    callback.tenantId(),
                    callback.deprovisioning(),
                    callback.success(),
                    payload,
                    signature.trim(),
                    timestamp.trim(),
                    callback.reason()));
        });
    }

    private static Instant sentAt(String timestamp) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw unauthorized("invalid_timestamp", "The x-timestamp must be epoch milliseconds.");
        }
    }

    static Callback read(String payload) {
        JsonNode body;
        try {
            body = payload == null ? null : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw invalid("The body must be a JSON object {\"status\", \"initiatorId\", \"type\"}.");
        }
        JsonNode status = body.get("status");
        JsonNode initiator = body.get("initiatorId");
        JsonNode type = body.get("type");
        if (status == null
                || !status.isTextual()
                || !("success".equals(status.asText()) || "failure".equals(status.asText()))) {
            throw invalid("\"status\" must be \"success\" or \"failure\".");
        }
        if (initiator == null
                || !(initiator.isTextual() || initiator.isIntegralNumber())
                || initiator.asText().isBlank()
                || initiator.asText().length() > 255) {
            throw invalid("\"initiatorId\" must be the tenant's id.");
        }
        if (type == null || !type.isIntegralNumber() || !(type.asInt() == 0 || type.asInt() == 1)) {
            throw invalid("\"type\" must be 0 (provision) or 1 (deprovision).");
        }
        JsonNode reason = body.get("reason");
        if (reason != null
                && !reason.isNull()
                && !(reason.isTextual() && REASON.matcher(reason.asText()).matches())) {
            throw invalid("\"reason\" must be a code: lower-case letters, digits and _, at most 64 characters.");
        }
        return new Callback(
                initiator.asText(),
                "success".equals(status.asText()),
                type.asInt() == 1,
                reason == null || reason.isNull() ? null : reason.asText());
    }

    private static DomainRefusal invalid(String message) {
        return DomainRefusal.invalid("invalid_callback", message);
    }

    private static DomainRefusal unauthorized(String code, String message) {
        return new DomainRefusal(DomainRefusal.Kind.UNAUTHORIZED, code, message);
    }
}
