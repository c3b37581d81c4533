package io.tenantry.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/** JSON as the SCIM SDK reads and writes it: parsing request bodies, applying PATCH requests, {@code meta}. */
final class ScimJson {

    private ScimJson() {}

    /** Reads a SCIM resource or message; a body that is not one is 400 {@code invalidSyntax}. */
    static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ScimErrors.invalidSyntax("The body is not a JSON object.");
        }
        try {
            return JsonUtils.nodeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ScimErrors.invalidSyntax("The body is not a valid " + type.getSimpleName() + ": " + reason(e));
        }
    }

    /** Reads a PATCH request from its JSON text. */
    static PatchRequest patchRequest(String json) {
        JsonNode node;
        try {
            node = JsonUtils.getObjectReader().readTree(json);
        } catch (JsonProcessingException e) {
            throw ScimErrors.invalidSyntax("The PATCH body is not JSON.");
        }
        return patchRequest(node);
    }

    /** Reads a PATCH request; {@code Operations} must hold at least one operation. */
    static PatchRequest patchRequest(JsonNode node) {
        PatchRequest request = read(withOperationsOnly(node), PatchRequest.class);
        if (request.getOperations() == null || request.getOperations().isEmpty()) {
            throw ScimErrors.invalidSyntax("A PATCH request needs at least one operation (Operations).");
        }
        return request;
    }

    /**
     * The request with each operation cut to what RFC 7644 defines ({@code op}, {@code path}, {@code value}): Entra ID
     * names its operations too ({@code "name": "addMember"}), which the SDK would refuse.
     */
    private static JsonNode withOperationsOnly(JsonNode node) {
        if (node == null || !node.isObject()) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.fields().forEachRemaining(field -> {
            if (field.getKey().equalsIgnoreCase("Operations")
                    && field.getValue().isArray()) {
                field.getValue().forEach(operation -> {
                    if (operation.isObject()) {
                        ((ObjectNode) operation)
                                .retain(java.util.List.of("op", "path", "value", "Op", "Path", "Value", "OP"));
                    }
                });
            }
        });
        return copy;
    }

    /** Applies the operations, in order, to the resource's JSON (changed in place). */
    static void apply(List<PatchOperation> operations, ObjectNode resource) {
        GenericScimResource generic = new GenericScimResource(resource);
        try {
            new PatchRequest(operations).apply(generic);
        } catch (ScimException e) {
            throw ScimErrors.of(e);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw ScimErrors.invalidValue("The PATCH request cannot be applied: " + reason(e));
        }
        if (generic.getObjectNode() != resource) {
            resource.removeAll();
            resource.setAll(generic.getObjectNode());
        }
    }

    /** A text attribute of the resource; null when absent or null; 400 when not text. */
    static String text(JsonNode resource, String name) {
        JsonNode value = resource.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimErrors.invalidValue("\"" + name + "\" is a string.");
        }
        return value.asText();
    }

    /** A boolean attribute: JSON true or false, or the text "true" or "false" in any case (as Entra ID sends it). */
    static Boolean bool(JsonNode resource, String name) {
        JsonNode value = resource.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw ScimErrors.invalidValue("\"" + name + "\" is a boolean: true or false.");
    }

    static ArrayNode array() {
        return JsonUtils.getJsonNodeFactory().arrayNode();
    }

    static ObjectNode object() {
        return JsonUtils.getJsonNodeFactory().objectNode();
    }

    /** A resource's {@code meta}: its type, when it was created and last changed, where it is, its version. */
    static Meta meta(String resourceType, Instant created, Instant lastModified, URI location, long version) {
        return new Meta()
                .setResourceType(resourceType)
                .setCreated(calendar(created))
                .setLastModified(calendar(lastModified))
                .setLocation(location)
                .setVersion(ScimVersions.etag(version));
    }

    private static Calendar calendar(Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> {
                JsonNode value = item.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    values.add(value.asText().trim());
                }
            });
        }
        return values;
    }

    /**
     * Why a body did not read, naming the attribute where Jackson says it failed; never Jackson's own message (it
     * names Java types).
     */
    static String reason(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return "\"" + path + "\" does not have a valid value.";
        }
        return "it does not have the attributes and values SCIM defines.";
    }
}
