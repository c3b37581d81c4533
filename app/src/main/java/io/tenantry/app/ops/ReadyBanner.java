package io.tenantry.app.ops;

import io.tenantry.app.embedded.EmbeddedInfrastructure;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the app serves, where it serves, which role it runs and what the embedded default started. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String role = Arrays.asList(environment.getActiveProfiles()).contains("command")
                ? "command role only"
                : Arrays.asList(environment.getActiveProfiles()).contains("query")
                        ? "query role only"
                        : "command and query roles";
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder banner = new StringBuilder()
                .append("Tenantry is ready on http://localhost:")
                .append(port)
                .append(" (")
                .append(role)
                .append(") ")
                .append(uptime)
                .append(" ms after JVM start");
        String embedded = environment.getProperty(EmbeddedInfrastructure.SUMMARY_PROPERTY, "");
        for (String line : embedded.split("\n")) {
            if (!line.isBlank()) {
                banner.append("\n  - ").append(line);
            }
        }
        banner.append("\n  - API docs: http://localhost:")
                .append(port)
                .append("/swagger-ui.html")
                .append(", health: http://localhost:")
                .append(port)
                .append("/actuator/health");
        log.info("{}", banner);
    }
}
