package io.tenantry.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** partner-admin (route table): the event processors of this process, and the rebuild of a read model. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Event processors: state, position, head and lag")
    @GetMapping
    List<ProjectionStatus> projections() {
        return admin.statuses();
    }

    /** 202: the read model is being replayed from the event store; follow it with GET (lag, state). */
    @Operation(summary = "Reset a read model and replay it from the event store")
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(admin.rebuild(name));
    }
}
