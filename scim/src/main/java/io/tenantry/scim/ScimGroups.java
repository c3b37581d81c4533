package io.tenantry.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.tenantry.contracts.scim.ScimGroupView;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * SCIM's Group resource as a tenant's team: {@code displayName} is the team's name, {@code members} the SCIM users in
 * it (each by its SCIM id, {@code value}). A group's {@code externalId} is accepted and not kept.
 */
public final class ScimGroups {

    public static final String RESOURCE_TYPE = "Group";
    public static final String ENDPOINT = "/Groups";

    /** A group as a request gives it: the name and the SCIM ids of its members. */
    public record GroupState(String displayName, List<String> memberIds) {
        public GroupState {
            memberIds = List.copyOf(new LinkedHashSet<>(memberIds));
        }
    }

    private ScimGroups() {}

    /** The group a POST or PUT body gives. */
    public static GroupState state(JsonNode body) {
        ScimJson.read(body, GroupResource.class);
        return stateOf(body);
    }

    /** The group after a PATCH request ({@code patch}: its JSON) applied to {@code current}. */
    public static GroupState patched(ScimGroupView current, String patch) {
        PatchRequest request = ScimJson.patchRequest(patch);
        ObjectNode resource = JsonUtils.valueToNode(resource(current));
        ScimJson.apply(normalised(request.getOperations()), resource);
        return stateOf(resource);
    }

    /** Checks a PATCH request's syntax (the body is read again where it is applied). */
    public static void checkPatch(JsonNode body) {
        ScimJson.patchRequest(body);
    }

    /** The group as SCIM answers it, at {@code base} (the service's URL, {@code .../scim/v2}). */
    public static ObjectNode toJson(ScimGroupView view, URI base) {
        GroupResource group = resource(view);
        group.setId(view.groupId());
        group.getMembers().forEach(member -> member.setRef(ScimUsers.location(base, member.getValue())));
        group.setMeta(ScimJson.meta(
                RESOURCE_TYPE, view.created(), view.lastModified(), location(base, view.groupId()), view.version()));
        return JsonUtils.valueToNode(group);
    }

    public static URI location(URI base, String groupId) {
        return URI.create(base.toString() + ENDPOINT + "/" + groupId);
    }

    private static GroupResource resource(ScimGroupView view) {
        GroupResource group = new GroupResource();
        group.setDisplayName(view.displayName());
        List<Member> members = new ArrayList<>();
        view.members()
                .forEach(member ->
                        members.add(new Member().setValue(member.scimId()).setDisplay(member.userName())));
        group.setMembers(members);
        return group;
    }

    private static GroupState stateOf(JsonNode resource) {
        String name = ScimJson.text(resource, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimErrors.invalidValue("A group needs its displayName.");
        }
        JsonNode members = resource.path("members");
        if (!members.isMissingNode() && !members.isNull() && !members.isArray()) {
            throw ScimErrors.invalidValue("\"members\" is a list of {\"value\": <user id>}.");
        }
        List<String> ids = ScimJson.texts(members, "value");
        if (members.isArray() && ids.size() != members.size()) {
            throw ScimErrors.invalidValue("Each member names a user by its id (\"value\").");
        }
        return new GroupState(name.trim(), ids);
    }

    /**
     * The operations with Entra ID's removal of members, {@code "op": "Remove", "path": "members", "value": [{"value":
     * id}]} (RFC 7644 has no value on a removal, and would remove every member), as one removal
     * {@code members[value eq "id"]} per member named.
     */
    private static List<PatchOperation> normalised(List<PatchOperation> operations) {
        List<PatchOperation> result = new ArrayList<>();
        for (PatchOperation operation : operations) {
            JsonNode value = operation.getJsonNode();
            if (operation.getOpType() == PatchOpType.REMOVE
                    && operation.getPath() != null
                    && operation.getPath().toString().equalsIgnoreCase("members")
                    && value != null
                    && (value.isArray() || value.isObject())) {
                ArrayNode named = value.isArray() ? (ArrayNode) value : listOf(value);
                for (String id : ScimJson.texts(named, "value")) {
                    try {
                        result.add(PatchOperation.remove(Path.root().attribute("members", Filter.eq("value", id))));
                    } catch (BadRequestException e) {
                        throw ScimErrors.of(e);
                    }
                }
            } else {
                result.add(operation);
            }
        }
        return result;
    }

    private static ArrayNode listOf(JsonNode value) {
        if (value.has("members") && value.get("members").isArray()) {
            return (ArrayNode) value.get("members");
        }
        ArrayNode list = ScimJson.array();
        list.add(value);
        return list;
    }
}
