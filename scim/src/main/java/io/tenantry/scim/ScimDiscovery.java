package io.tenantry.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PaginationConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The discovery documents (RFC 7644 section 4): what the service supports ({@code ServiceProviderConfig}), its two
 * resource types, and their schemas, each schema the SDK's, cut to the attributes the service keeps.
 */
public final class ScimDiscovery {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final Set<String> USER_KEPT = Set.of("userName", "name", "displayName", "active", "emails");
    private static final Set<String> GROUP_KEPT = Set.of("displayName", "members");

    private ScimDiscovery() {}

    public static ObjectNode serviceProviderConfig(URI base) {
        ServiceProviderConfigResource config = new ServiceProviderConfigResource(
                null,
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, Scim.MAX_PAGE_SIZE),
                new ChangePasswordConfig(false),
                new SortConfig(false),
                new ETagConfig(true),
                new PaginationConfig(false, true, "index", Scim.DEFAULT_PAGE_SIZE, Scim.MAX_PAGE_SIZE, null),
                List.of(new AuthenticationScheme(
                        "OAuth Bearer Token",
                        "A tenant API key (tnt_...) with the scope " + Scim.KEY_SCOPE + ", sent as a bearer token.",
                        null,
                        null,
                        "oauthbearertoken",
                        true)));
        config.setMeta(new Meta()
                .setResourceType("ServiceProviderConfig")
                .setLocation(URI.create(base + "/ServiceProviderConfig")));
        return JsonUtils.valueToNode(config);
    }

    public static List<ObjectNode> resourceTypes(URI base) {
        return List.of(
                resourceType(base, ScimUsers.RESOURCE_TYPE, ScimUsers.ENDPOINT, USER_SCHEMA, "a member"),
                resourceType(base, ScimGroups.RESOURCE_TYPE, ScimGroups.ENDPOINT, GROUP_SCHEMA, "a team"));
    }

    public static Optional<ObjectNode> resourceType(URI base, String name) {
        return resourceTypes(base).stream()
                .filter(type -> type.path("name").asText().equals(name))
                .findFirst();
    }

    public static List<ObjectNode> schemas(URI base) {
        return List.of(schema(base, UserResource.class, USER_KEPT), schema(base, GroupResource.class, GROUP_KEPT));
    }

    public static Optional<ObjectNode> schema(URI base, String id) {
        return schemas(base).stream()
                .filter(schema -> schema.path("id").asText().equals(id))
                .findFirst();
    }

    private static ObjectNode resourceType(URI base, String name, String endpoint, String schema, String what) {
        ResourceTypeResource type = new ResourceTypeResource(
                name,
                name,
                "A tenant's " + name.toLowerCase() + ": " + what + ".",
                URI.create(endpoint),
                URI.create(schema),
                null);
        type.setMeta(
                new Meta().setResourceType("ResourceType").setLocation(URI.create(base + "/ResourceTypes/" + name)));
        return JsonUtils.valueToNode(type);
    }

    private static ObjectNode schema(URI base, Class<?> resource, Set<String> kept) {
        SchemaResource full;
        try {
            full = SchemaUtils.getSchema(resource);
        } catch (IntrospectionException e) {
            throw new IllegalStateException("the SDK cannot describe " + resource.getSimpleName(), e);
        }
        List<AttributeDefinition> attributes = full.getAttributes().stream()
                .filter(attribute -> kept.contains(attribute.getName()))
                .toList();
        SchemaResource schema = new SchemaResource(full.getId(), full.getName(), full.getDescription(), attributes);
        schema.setMeta(new Meta().setResourceType("Schema").setLocation(URI.create(base + "/Schemas/" + full.getId())));
        return JsonUtils.valueToNode(schema);
    }
}
