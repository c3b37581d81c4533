package io.tenantry.app.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.scim.Scim;
import io.tenantry.scim.ScimCallers;
import io.tenantry.scim.ScimDiscovery;
import io.tenantry.scim.ScimErrors;
import io.tenantry.scim.ScimPages;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM's discovery documents (RFC 7644 section 4): fixed, so both roles answer them (a split deployment may route them
 * to either); for a tenant's SCIM key, as the rest of the service.
 */
@RestController
@RequestMapping(
        path = Scim.BASE_PATH,
        produces = {Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class ScimDiscoveryController {

    @Operation(summary = "What the SCIM service supports")
    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<JsonNode> serviceProviderConfig(Caller caller) {
        ScimCallers.tenantOf(caller);
        return ResponseEntity.ok(ScimDiscovery.serviceProviderConfig(base()));
    }

    @Operation(summary = "The SCIM resource types")
    @GetMapping("/ResourceTypes")
    ResponseEntity<JsonNode> resourceTypes(Caller caller) {
        ScimCallers.tenantOf(caller);
        return ResponseEntity.ok(all(ScimDiscovery.resourceTypes(base())));
    }

    @Operation(summary = "One SCIM resource type")
    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<JsonNode> resourceType(@PathVariable String name, Caller caller) {
        ScimCallers.tenantOf(caller);
        return ResponseEntity.ok(ScimDiscovery.resourceType(base(), name)
                .orElseThrow(() -> ScimErrors.notFound("not_found", "There is no resource type " + name + ".")));
    }

    @Operation(summary = "The SCIM schemas")
    @GetMapping("/Schemas")
    ResponseEntity<JsonNode> schemas(Caller caller) {
        ScimCallers.tenantOf(caller);
        return ResponseEntity.ok(all(ScimDiscovery.schemas(base())));
    }

    @Operation(summary = "One SCIM schema")
    @GetMapping("/Schemas/{id}")
    ResponseEntity<JsonNode> schema(@PathVariable String id, Caller caller) {
        ScimCallers.tenantOf(caller);
        return ResponseEntity.ok(ScimDiscovery.schema(base(), id)
                .orElseThrow(() -> ScimErrors.notFound("not_found", "There is no schema " + id + ".")));
    }

    private static ObjectNode all(List<ObjectNode> resources) {
        return ScimPages.of(1, resources.size()).answer(resources);
    }

    private static URI base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(Scim.BASE_PATH)
                .build()
                .toUri();
    }
}
