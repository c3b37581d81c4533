package io.tenantry.query.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.scim.ScimGroupView;
import io.tenantry.contracts.scim.ScimQueries.FindScimGroupQuery;
import io.tenantry.contracts.scim.ScimQueries.ListScimGroupsQuery;
import io.tenantry.contracts.scim.ScimQueries.ScimGroups;
import io.tenantry.query.tenant.TenantReadAccess;
import io.tenantry.scim.Scim;
import io.tenantry.scim.ScimCallers;
import io.tenantry.scim.ScimErrors;
import io.tenantry.scim.ScimFilters;
import io.tenantry.scim.ScimPages;
import io.tenantry.scim.ScimVersions;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SCIM Groups, the reads: the key's tenant's teams, from the SCIM read model, filtered by the SCIM SDK. */
@RestController
@RequestMapping(
        path = Scim.BASE_PATH + io.tenantry.scim.ScimGroups.ENDPOINT,
        produces = {Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class ScimGroupQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    ScimGroupQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List or filter groups (SCIM)")
    @GetMapping
    ResponseEntity<JsonNode> list(
            Caller caller,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        String tenantId = tenant(caller);
        Filter parsed = ScimFilters.parse(filter, ScimFilters.GROUP_ATTRIBUTES);
        ScimPages page = ScimPages.of(startIndex, count);
        URI base = ScimReads.base();
        List<ScimGroupView> groups = queries.query(new ListScimGroupsQuery(tenantId), ScimGroups.class)
                .join()
                .groups();
        List<ObjectNode> matching = groups.stream()
                .map(group -> io.tenantry.scim.ScimGroups.toJson(group, base))
                .filter(json -> ScimFilters.matches(parsed, json))
                .map(json -> ScimReads.projected(json, attributes, excludedAttributes))
                .toList();
        return ResponseEntity.ok(page.answer(matching));
    }

    @Operation(summary = "Read a group (SCIM)")
    @GetMapping("/{id}")
    ResponseEntity<JsonNode> read(
            @PathVariable String id,
            Caller caller,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        String tenantId = tenant(caller);
        ScimGroupView group = queries.query(
                        new FindScimGroupQuery(tenantId, id), ResponseTypes.optionalInstanceOf(ScimGroupView.class))
                .join()
                .orElseThrow(() -> ScimErrors.notFound("scim_group_not_found", "This tenant has no group " + id + "."));
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ScimVersions.etag(group.version()))
                .body(ScimReads.projected(
                        io.tenantry.scim.ScimGroups.toJson(group, ScimReads.base()), attributes, excludedAttributes));
    }

    private String tenant(Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        access.requireManager(caller, tenantId);
        return tenantId;
    }
}
