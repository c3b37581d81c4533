package io.tenantry.app.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an embedded start-up failure as Spring Boot's "APPLICATION FAILED TO START" with what to do. */
class EmbeddedStartupFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
