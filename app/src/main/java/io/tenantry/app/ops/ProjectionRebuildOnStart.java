package io.tenantry.app.ops;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The command-line switch: {@code --tenantry.projections.rebuild=all} (or a comma-separated list of read models)
 * rebuilds them from the event store once the app has started; it serves meanwhile.
 */
@Component
class ProjectionRebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuildOnStart.class);

    private final ProjectionAdmin admin;
    private final String requested;

    ProjectionRebuildOnStart(ProjectionAdmin admin, @Value("${tenantry.projections.rebuild:}") String requested) {
        this.admin = admin;
        this.requested = requested;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (requested.isBlank()) {
            return;
        }
        List<String> names = "all".equalsIgnoreCase(requested.trim())
                ? admin.rebuildable()
                : Arrays.stream(requested.split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .toList();
        log.info("Rebuilding read models at start-up: {}", names);
        names.forEach(admin::rebuild);
    }
}
