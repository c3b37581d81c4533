package io.tenantry.orchestrator;

import io.tenantry.orchestrator.RequestLog.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request from the topic, start to end: recorded by context id, acted on once (resources built or removed), and
 * answered on the webhook until Tenantry takes the answer. A request delivered again after it was answered is
 * skipped; one whose answer did not arrive is answered again with the decision already made, without acting twice.
 * A request older than {@code maxAge} (Tenantry has given up on it by then) is skipped.
 */
public final class ProvisioningRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRequestHandler.class);

    private final RequestLog requests;
    private final TenantResources resources;
    private final WebhookAnswers answers;
    private final Duration maxAge;
    private final Clock clock;

    public ProvisioningRequestHandler(
            RequestLog requests, TenantResources resources, WebhookAnswers answers, Duration maxAge, Clock clock) {
        this.requests = requests;
        this.resources = resources;
        this.answers = answers;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Handles a record's value; throws when it should be handled again later (database or webhook away). */
    public void handle(String value) {
        ProvisioningRequest request = ProvisioningRequest.parse(value);
        if (request.requestedAt() != null && request.requestedAt().plus(maxAge).isBefore(clock.instant())) {
            log.info(
                    "Skipping the {} request {} of tenant {}: older than {}",
                    kind(request),
                    request.contextId(),
                    request.tenantId(),
                    maxAge);
            return;
        }
        Optional<Decision> earlier = requests.receive(request);
        if (earlier.isPresent() && earlier.get().answered()) {
            log.info("Request {} of tenant {} was answered before: skipped", request.contextId(), request.tenantId());
            return;
        }
        Decision decision = earlier.orElseGet(() -> act(request));
        int status = answers.send(request, decision.success(), decision.reason());
        requests.answered(request, status);
        if (status >= 300) {
            log.warn(
                    "Tenantry refused the answer to request {} of tenant {} with {}: not sent again",
                    request.contextId(),
                    request.tenantId(),
                    status);
        } else {
            log.info(
                    "Tenant {}: {} {} ({})",
                    request.tenantId(),
                    kind(request),
                    decision.success() ? "done" : "failed: " + decision.reason(),
                    request.tier());
        }
    }

    private Decision act(ProvisioningRequest request) {
        boolean success;
        String reason = null;
        try {
            if (request.type() == ProvisioningRequest.PROVISION) {
                resources.provision(request);
            } else {
                resources.deprovision(request);
            }
            success = true;
        } catch (ProvisioningFailure e) {
            log.warn("Tenant {}: {} failed: {}", request.tenantId(), kind(request), e.getMessage());
            success = false;
            reason = e.reason();
        }
        requests.decided(request, success, reason);
        return new Decision(success, reason, false);
    }

    private static String kind(ProvisioningRequest request) {
        return request.type() == ProvisioningRequest.PROVISION ? "provisioning" : "deprovisioning";
    }
}
