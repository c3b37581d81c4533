package io.tenantry.app.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message timers ({@code commandBus}, {@code eventProcessor}, {@code queryBus}, ... {@code .allTimer},
 * {@code .successTimer}, ...) publish six client-side percentiles each, so every message handled is recorded into
 * rotating HdrHistograms, twice, per processor and payload type: a visible share of a replay's CPU (bench). Client-side
 * percentiles cannot be aggregated across nodes anyway; count, sum and max remain, and Prometheus computes latency
 * quantiles where it needs them.
 */
@Configuration(proxyBeanMethods = false)
class AxonTimerPercentiles {

    private static final List<String> AXON_TIMERS =
            List.of(".allTimer", ".successTimer", ".failureTimer", ".ignoredTimer");

    @Bean
    MeterFilter axonTimersWithoutClientPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || AXON_TIMERS.stream().noneMatch(id.getName()::endsWith)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(new double[0])
                        .build()
                        .merge(config);
            }
        };
    }
}
