package io.tenantry.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.tenantry.contracts.DomainRefusal;
import java.util.Map;

/**
 * SCIM's errors (RFC 7644 section 3.12) as Tenantry's refusals, and back: a refusal raised here carries its
 * {@code scimType} among its details; any other refusal's code has the {@code scimType} {@link #scimTypeOf} gives (or
 * none). Every error of a SCIM route is answered as an {@link ErrorResponse}.
 */
public final class ScimErrors {

    /** The detail of a refusal that names its {@code scimType}. */
    public static final String SCIM_TYPE = "scimType";

    /** Tenantry codes that have a SCIM {@code scimType}. */
    private static final Map<String, String> SCIM_TYPES = Map.of(
            "user_name_taken", "uniqueness",
            "team_name_taken", "uniqueness",
            "already_member", "uniqueness",
            "already_team_member", "uniqueness",
            "malformed_body", "invalidSyntax",
            "validation_failed", "invalidValue",
            "invalid_team_name", "invalidValue");

    private ScimErrors() {}

    public static DomainRefusal invalidFilter(String detail) {
        return invalid("invalid_filter", "invalidFilter", detail);
    }

    public static DomainRefusal invalidSyntax(String detail) {
        return invalid("invalid_syntax", "invalidSyntax", detail);
    }

    public static DomainRefusal invalidPath(String detail) {
        return invalid("invalid_path", "invalidPath", detail);
    }

    public static DomainRefusal invalidValue(String detail) {
        return invalid("invalid_value", "invalidValue", detail);
    }

    public static DomainRefusal noTarget(String detail) {
        return invalid("no_target", "noTarget", detail);
    }

    public static DomainRefusal mutability(String detail) {
        return invalid("mutability", "mutability", detail);
    }

    /** A SCIM resource that is not there (404): no scimType. */
    public static DomainRefusal notFound(String code, String detail) {
        return DomainRefusal.notFound(code, detail);
    }

    /** A userName (an e-mail address) another SCIM user of the tenant has: 409 {@code uniqueness}. */
    public static DomainRefusal userNameTaken() {
        return new DomainRefusal(
                DomainRefusal.Kind.CONFLICT,
                "user_name_taken",
                "Another user of this tenant has this userName.",
                Map.of(SCIM_TYPE, "uniqueness"));
    }

    /** The SDK's exception (a bad path, value or filter it found) as a refusal. */
    public static DomainRefusal of(ScimException exception) {
        String scimType = exception.getScimError().getScimType();
        String detail = exception.getScimError().getDetail();
        if (detail == null || detail.isBlank()) {
            detail = exception.getMessage();
        }
        if (scimType == null) {
            scimType = "invalidValue";
        }
        return switch (scimType) {
            case "invalidFilter" -> invalidFilter(detail);
            case "invalidPath" -> invalidPath(detail);
            case "noTarget" -> noTarget(detail);
            case "mutability" -> mutability(detail);
            case "invalidSyntax" -> invalidSyntax(detail);
            default -> invalidValue(detail);
        };
    }

    /** The {@code scimType} of a refusal's code where SCIM has one; else null. */
    public static String scimTypeOf(String code) {
        return code == null ? null : SCIM_TYPES.get(code);
    }

    /** An error body: {@code schemas}, {@code status} (a string, as RFC 7644 shows it), {@code scimType}, {@code detail}. */
    public static ObjectNode body(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        if (scimType != null && !scimType.isBlank()) {
            error.setScimType(scimType);
        }
        error.setDetail(detail);
        ObjectNode node = JsonUtils.valueToNode(error);
        node.put("status", Integer.toString(status));
        return node;
    }

    private static DomainRefusal invalid(String code, String scimType, String detail) {
        return new DomainRefusal(DomainRefusal.Kind.INVALID, code, detail, Map.of(SCIM_TYPE, scimType));
    }
}
