package io.tenantry.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.tenantry.contracts.scim.ScimUserAttributes;
import io.tenantry.contracts.scim.ScimUserView;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SCIM's User resource as a tenant's provisioned member. Kept: {@code userName} (the e-mail address, unique in the
 * tenant regardless of case), {@code externalId}, {@code displayName}, {@code name.givenName} and
 * {@code name.familyName}, {@code active}; {@code emails} is answered as the {@code userName} (primary, work). Any other
 * attribute a client sends (phone numbers, the enterprise extension, a password) is accepted and not kept.
 */
public final class ScimUsers {

    public static final String RESOURCE_TYPE = "User";
    public static final String ENDPOINT = "/Users";

    static final int TEXT_MAX = 256;
    static final int USER_NAME_MAX = 320;
    private static final Pattern E_MAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private ScimUsers() {}

    /** The attributes a POST or PUT body gives; {@code active} is true when it says nothing. */
    public static ScimUserAttributes attributes(JsonNode body) {
        ObjectNode resource = JsonUtils.valueToNode(ScimJson.read(body, UserResource.class));
        // the typed read checked the shape; "active" is read here as Entra ID may send it: as text
        if (body.has("active")) {
            resource.set("active", body.get("active"));
        }
        return attributesOf(resource, true);
    }

    /** The attributes after a PATCH request ({@code patch}: its JSON) applied to {@code current}. */
    public static ScimUserAttributes patched(ScimUserAttributes current, String patch) {
        PatchRequest request = ScimJson.patchRequest(patch);
        ObjectNode resource = JsonUtils.valueToNode(resource(current));
        ScimJson.apply(request.getOperations(), resource);
        return attributesOf(resource, current.active());
    }

    /** Checks a PATCH request's syntax (the body is read again where it is applied). */
    public static void checkPatch(JsonNode body) {
        ScimJson.patchRequest(body);
    }

    /** The user as SCIM answers it, at {@code base} (the service's URL, {@code .../scim/v2}). */
    public static ObjectNode toJson(ScimUserView view, URI base) {
        UserResource user = resource(view.attributes());
        user.setId(view.scimId());
        user.setMeta(ScimJson.meta(
                RESOURCE_TYPE, view.created(), view.lastModified(), location(base, view.scimId()), view.version()));
        return JsonUtils.valueToNode(user);
    }

    public static URI location(URI base, String scimId) {
        return URI.create(base.toString() + ENDPOINT + "/" + scimId);
    }

    private static UserResource resource(ScimUserAttributes attributes) {
        UserResource user = new UserResource();
        user.setUserName(attributes.userName());
        user.setExternalId(attributes.externalId());
        user.setDisplayName(attributes.displayName());
        if (attributes.givenName() != null || attributes.familyName() != null) {
            user.setName(new Name().setGivenName(attributes.givenName()).setFamilyName(attributes.familyName()));
        }
        user.setActive(attributes.active());
        if (attributes.userName() != null) {
            user.setEmails(List.of(
                    new Email().setValue(attributes.userName()).setType("work").setPrimary(true)));
        }
        return user;
    }

    private static ScimUserAttributes attributesOf(JsonNode resource, boolean activeWhenAbsent) {
        String userName = ScimJson.text(resource, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimErrors.invalidValue("A user needs its userName: its e-mail address.");
        }
        userName = userName.trim();
        if (userName.length() > USER_NAME_MAX || !E_MAIL.matcher(userName).matches()) {
            throw ScimErrors.invalidValue("A user's userName is its e-mail address (name@domain).");
        }
        JsonNode name = resource.path("name");
        if (!name.isMissingNode() && !name.isNull() && !name.isObject()) {
            throw ScimErrors.invalidValue("\"name\" is an object (givenName, familyName).");
        }
        Boolean active = ScimJson.bool(resource, "active");
        return new ScimUserAttributes(
                userName,
                bounded(ScimJson.text(resource, "externalId"), "externalId"),
                bounded(ScimJson.text(resource, "displayName"), "displayName"),
                bounded(name.isObject() ? ScimJson.text(name, "givenName") : null, "name.givenName"),
                bounded(name.isObject() ? ScimJson.text(name, "familyName") : null, "name.familyName"),
                active == null ? activeWhenAbsent : active);
    }

    private static String bounded(String value, String attribute) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > TEXT_MAX) {
            throw ScimErrors.invalidValue("\"" + attribute + "\" is at most " + TEXT_MAX + " characters.");
        }
        return value;
    }
}
