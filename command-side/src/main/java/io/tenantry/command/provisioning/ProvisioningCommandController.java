package io.tenantry.command.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tenantry.command.web.IfMatch;
import io.tenantry.command.web.Problems;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.JsonNames;
import io.tenantry.contracts.provisioning.ProvisionedTenant;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantRules;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.contracts.tenant.UpdateProvisioningDetailsCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The partner provisioning API, for partner integrations (partner-admin with {@code tenant:create}, {@code :update},
 * {@code :delete}: see the security route table). The slug comes from {@code client_name}; a provisioned tenant is
 * POOLED, its {@code email} and {@code phone_number} are its primary contact, and the partner admin is its OWNER.
 */
@RestController
@RequestMapping("/api/provisioning/tenants")
class ProvisioningCommandController {

    static final int BULK_LIMIT = 100;
    private static final Logger log = LoggerFactory.getLogger(ProvisioningCommandController.class);

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;
    private final Validator validator;

    ProvisioningCommandController(CommandGateway commands, ObjectMapper objectMapper, Validator validator) {
        this.commands = commands;
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    @Operation(summary = "Create a tenant for a partner integration")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProvisionedTenant> create(@Valid @RequestBody ProvisioningTenantRequest request, Caller caller) {
        ProvisionedTenant created = provision(request, caller);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(created.tenant())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Operation(summary = "Replace a partner-provisioned tenant's fields")
    @PutMapping("/{tenantId}")
    ProvisionedTenant replace(
            @PathVariable String tenantId,
            @Valid @RequestBody ProvisioningTenantRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        return ProvisionedTenant.of(commands.<TenantView>sendAndWait(new UpdateProvisioningDetailsCommand(
                tenantId,
                IfMatch.version(ifMatch),
                caller,
                request.clientName(),
                request.email(),
                request.phoneNumber(),
                request.industry(),
                false)));
    }

    @Operation(summary = "Change some fields of a partner-provisioned tenant")
    @PatchMapping("/{tenantId}")
    ProvisionedTenant patch(
            @PathVariable String tenantId,
            @Valid @RequestBody ProvisioningTenantPatch request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Caller caller) {
        return ProvisionedTenant.of(commands.<TenantView>sendAndWait(new UpdateProvisioningDetailsCommand(
                tenantId,
                IfMatch.version(ifMatch),
                caller,
                request.clientName(),
                request.email(),
                request.phoneNumber(),
                request.industry(),
                true)));
    }

    @Operation(summary = "Delete a partner-provisioned tenant")
    @DeleteMapping("/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String tenantId, Caller caller) {
        commands.sendAndWait(new DeleteTenantCommand(tenantId, null, caller));
        return ResponseEntity.noContent().build();
    }

    /**
     * Provisions each item on its own, in order: one bad item (invalid, or a taken slug) gets its problem and never
     * stops or undoes the others. Answers 200 with one result per item.
     */
    @Operation(summary = "Create up to 100 tenants, one result per item")
    @PostMapping("/bulk")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "1 to 100 tenants, each as for a single POST",
            content =
                    @Content(array = @ArraySchema(schema = @Schema(implementation = ProvisioningTenantRequest.class))))
    BulkResult bulk(@RequestBody @NotNull @Size(min = 1, max = BULK_LIMIT) List<JsonNode> items, Caller caller) {
        List<BulkItem> results = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            results.add(provisionItem(index, items.get(index), caller));
        }
        long created = results.stream()
                .filter(item -> item.status() == HttpStatus.CREATED.value())
                .count();
        return new BulkResult(results, created, results.size() - created);
    }

    private BulkItem provisionItem(int index, JsonNode item, Caller caller) {
        ProvisioningTenantRequest request;
        try {
            request = objectMapper.treeToValue(item, ProvisioningTenantRequest.class);
        } catch (UnrecognizedPropertyException unknown) {
            return failed(index, invalid(List.of(Problems.fieldError(unknown.getPropertyName(), "unknown field"))));
        } catch (Exception malformed) {
            return failed(index, invalid(List.of(Problems.fieldError("body", "not a tenant object"))));
        }
        if (request == null) {
            return failed(index, invalid(List.of(Problems.fieldError("body", "must not be null"))));
        }
        Set<ConstraintViolation<ProvisioningTenantRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return failed(
                    index,
                    invalid(violations.stream()
                            .map(v -> Problems.fieldError(
                                    JsonNames.of(
                                            ProvisioningTenantRequest.class,
                                            v.getPropertyPath().toString()),
                                    v.getMessage()))
                            .toList()));
        }
        try {
            return new BulkItem(index, HttpStatus.CREATED.value(), provision(request, caller), null);
        } catch (DomainRefusal refusal) {
            return failed(index, Problems.of(refusal));
        } catch (RuntimeException unexpected) {
            // the item's own failure, never the whole request's: its status is the item's, the answer stays 200
            String reference = UUID.randomUUID().toString();
            log.error("Bulk provisioning item {} failed, reference {}", index, reference, unexpected);
            return failed(index, Problems.internalError(reference));
        }
    }

    private ProvisionedTenant provision(ProvisioningTenantRequest request, Caller caller) {
        String slug = TenantRules.slugOf(request.clientName());
        if (!TenantRules.isValidSlug(slug)) {
            throw DomainRefusal.invalid(
                    "invalid_client_name",
                    "client_name must contain at least 3 letters or digits to make the tenant's slug.");
        }
        TenantContact contact = new TenantContact(null, request.email().trim(), request.phoneNumber(), true);
        TenantView created = commands.sendAndWait(new CreateTenantCommand(
                UUID.randomUUID().toString(),
                request.clientName(),
                slug,
                TenantTier.POOLED,
                List.of(contact),
                null,
                request.industry(),
                Map.of(),
                null,
                caller.userId(),
                null));
        return ProvisionedTenant.of(created);
    }

    private static BulkItem failed(int index, ProblemDetail problem) {
        return new BulkItem(index, problem.getStatus(), null, problem);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        return Problems.invalid(
                errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid.", errors);
    }

    /** The answer of a bulk request: one result per item, in the order given. */
    record BulkResult(List<BulkItem> results, long created, long failed) {}

    /** One item's outcome: 201 with the tenant, or its status with the problem. */
    record BulkItem(int index, int status, ProvisionedTenant tenant, ProblemDetail problem) {}
}
