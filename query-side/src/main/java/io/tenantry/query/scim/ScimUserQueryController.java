package io.tenantry.query.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.scim.ScimQueries.FindScimUserQuery;
import io.tenantry.contracts.scim.ScimQueries.ListScimUsersQuery;
import io.tenantry.contracts.scim.ScimQueries.ScimUsers;
import io.tenantry.contracts.scim.ScimUserView;
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

/**
 * SCIM Users, the reads (RFC 7644 section 3.4): from the SCIM read model of the key's tenant. A filter is parsed and
 * evaluated by the SCIM SDK on the users' SCIM JSON; {@code userName eq "..."}, the lookup identity providers make
 * before every create, is one indexed read.
 */
@RestController
@RequestMapping(
        path = Scim.BASE_PATH + io.tenantry.scim.ScimUsers.ENDPOINT,
        produces = {Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
class ScimUserQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    ScimUserQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List or filter users (SCIM)")
    @GetMapping
    ResponseEntity<JsonNode> list(
            Caller caller,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        String tenantId = tenant(caller);
        Filter parsed = ScimFilters.parse(filter, ScimFilters.USER_ATTRIBUTES);
        ScimPages page = ScimPages.of(startIndex, count);
        URI base = ScimReads.base();
        List<ScimUserView> users = queries.query(
                        new ListScimUsersQuery(tenantId, ScimFilters.equalityOn(parsed, "userName")), ScimUsers.class)
                .join()
                .users();
        List<ObjectNode> matching = users.stream()
                .map(user -> io.tenantry.scim.ScimUsers.toJson(user, base))
                .filter(json -> ScimFilters.matches(parsed, json))
                .map(json -> ScimReads.projected(json, attributes, excludedAttributes))
                .toList();
        return ResponseEntity.ok(page.answer(matching));
    }

    @Operation(summary = "Read a user (SCIM)")
    @GetMapping("/{id}")
    ResponseEntity<JsonNode> read(
            @PathVariable String id,
            Caller caller,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        String tenantId = tenant(caller);
        ScimUserView user = queries.query(
                        new FindScimUserQuery(tenantId, id), ResponseTypes.optionalInstanceOf(ScimUserView.class))
                .join()
                .orElseThrow(() -> ScimErrors.notFound("scim_user_not_found", "This tenant has no user " + id + "."));
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ScimVersions.etag(user.version()))
                .body(ScimReads.projected(
                        io.tenantry.scim.ScimUsers.toJson(user, ScimReads.base()), attributes, excludedAttributes));
    }

    private String tenant(Caller caller) {
        String tenantId = ScimCallers.tenantOf(caller);
        access.requireManager(caller, tenantId);
        return tenantId;
    }
}
