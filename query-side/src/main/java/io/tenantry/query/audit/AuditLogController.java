package io.tenantry.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.audit.AuditLogPage;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's audit log for its OWNERs and ADMINs (and a key with {@code audit:read}): pages newest first, and an
 * export of any range as NDJSON, written as it is read from the database ({@link AuditLogReads}: an export streams
 * rows, which a query's single answer could not).
 */
@RestController
@Validated
class AuditLogController {

    static final String NDJSON = "application/x-ndjson";

    private final AuditLogReads log;
    private final TenantReadAccess access;
    private final ObjectMapper json;

    AuditLogController(AuditLogReads log, TenantReadAccess access, ObjectMapper json) {
        this.log = log;
        this.access = access;
        this.json = json;
    }

    @Operation(
            summary = "A tenant's audit log, newest first (OWNER, ADMIN)",
            description = "Every change to the tenant: who (and a partner admin acting as them), what to what, when, in"
                    + " which request and from where. Pass `next` as `cursor` for the page after.")
    @GetMapping("/api/tenants/{tenantId}/audit-log")
    AuditLogPage page(
            @PathVariable String tenantId,
            @Parameter(description = "only this actor's changes (a user's id, or apikey:<key id>)")
                    @RequestParam(required = false)
                    String actor,
            @Parameter(description = "only this action (member-added), or those starting so (member-*)")
                    @RequestParam(required = false)
                    String action,
            @Parameter(description = "from this instant on (ISO-8601)") @RequestParam(required = false) Instant from,
            @Parameter(description = "before this instant (ISO-8601)") @RequestParam(required = false) Instant to,
            @Parameter(description = "a page's `next`") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            Caller caller) {
        access.requireManager(caller, tenantId);
        return log.page(new AuditLogReads.Criteria(tenantId, actor, action, from, to), cursor, limit);
    }

    @Operation(
            summary = "Export a tenant's audit log as NDJSON, oldest first (OWNER, ADMIN)",
            description = "One entry per line, streamed: any range, however long.")
    @GetMapping(value = "/api/tenants/{tenantId}/audit-log/export", produces = NDJSON)
    void export(
            @PathVariable String tenantId,
            @Parameter(description = "from this instant on (ISO-8601)") @RequestParam(required = false) Instant from,
            @Parameter(description = "before this instant (ISO-8601)") @RequestParam(required = false) Instant to,
            Caller caller,
            HttpServletResponse response)
            throws IOException {
        access.requireManager(caller, tenantId);
        AuditLogReads.Criteria criteria = new AuditLogReads.Criteria(tenantId, null, null, from, to);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-" + tenantId.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                        + (from == null ? "start" : from.getEpochSecond()) + "-"
                        + (to == null ? "now" : to.getEpochSecond()) + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        try {
            log.export(criteria, entry -> {
                try {
                    out.write(json.writeValueAsBytes(entry));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away: nothing to answer
        }
        out.flush();
    }
}
