package io.tenantry.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last failure of each event processor of this process. A pooled processor whose batch fails gives up the
 * segment and claims it again after a back-off (1 s, doubling up to a minute): between the two its status lists no
 * segment at all, so the failure is remembered here for {@link ProjectionAdmin} to report. The failure still
 * propagates (the batch rolls back and is retried; nothing is skipped).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorErrors {

    /** How long a failure counts: past Axon's longest back-off, a processor that failed is retrying by then. */
    static final Duration REMEMBERED = Duration.ofSeconds(90);

    record Failure(Throwable error, Instant at) {}

    private final Map<String, Failure> last = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Bean
    ConfigurerModule processorFailuresRemembered() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultErrorHandler(c -> new Remembering()));
    }

    /** The processor's failure of the last {@link #REMEMBERED}, if any. */
    Optional<Failure> recent(String processor) {
        Failure failure = last.get(processor);
        return failure != null && failure.at().isAfter(clock.instant().minus(REMEMBERED))
                ? Optional.of(failure)
                : Optional.empty();
    }

    private final class Remembering implements ErrorHandler {

        @Override
        public void handleError(ErrorContext context) throws Exception {
            last.put(context.eventProcessor(), new Failure(context.error(), clock.instant()));
            PropagatingErrorHandler.instance().handleError(context);
        }
    }
}
