package io.tenantry.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A request read from the provisioning topic: {@code {type, tenantId, slug, tier, planId, contextId, requestedAt}},
 * type 0 to build a tenant's resources and 1 to remove them. The orchestrator's own reading of the published JSON, so
 * that it needs nothing of Tenantry's code.
 */
public record ProvisioningRequest(
        int type, String tenantId, String slug, Tier tier, String planId, String contextId, Instant requestedAt) {

    public static final int PROVISION = 0;
    public static final int DEPROVISION = 1;

    /** Where a tenant's resources live: rows in the shared pool, or a database of its own. */
    public enum Tier {
        POOLED,
        SILOED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one record's value; a record that is not a request throws {@link InvalidRequestException}. */
    public static ProvisioningRequest parse(String value) {
        JsonNode body;
        try {
            body = value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("not a JSON object");
        }
        JsonNode type = body.path("type");
        if (!type.isIntegralNumber() || (type.asInt() != PROVISION && type.asInt() != DEPROVISION)) {
            throw new InvalidRequestException("\"type\" is neither 0 nor 1");
        }
        String tenantId = text(body, "tenantId");
        String contextId = text(body, "contextId");
        String slug = text(body, "slug");
        Tier tier;
        try {
            tier = Tier.valueOf(text(body, "tier"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("\"tier\" is neither POOLED nor SILOED");
        }
        JsonNode planId = body.path("planId");
        return new ProvisioningRequest(
                type.asInt(),
                tenantId,
                slug,
                tier,
                planId.isTextual() ? planId.asText() : null,
                contextId,
                instant(body.path("requestedAt")));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidRequestException("\"" + field + "\" is missing");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node) {
        try {
            if (node.isNumber()) {
                return Instant.ofEpochMilli((long) (node.asDouble() * 1000));
            }
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidRequestException("\"requestedAt\" is not an instant");
        }
    }

    /** A record on the topic that is not a request this orchestrator can act on: skipped, never retried. */
    public static class InvalidRequestException extends RuntimeException {
        InvalidRequestException(String message) {
            super(message);
        }
    }
}
