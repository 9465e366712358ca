package org.fonds.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Request durations as a Prometheus histogram ({@code http_server_requests_seconds_bucket}), so that a monitoring
 * system can compute percentiles across instances (client-side percentiles cannot be aggregated). A fixed set of
 * buckets, from 5 ms to 10 s, keeps the series per endpoint few.
 */
@Singleton
public class RequestMetrics {

    static final String REQUESTS = "http.server.requests";

    /** The buckets' upper bounds, in nanoseconds (a timer's base unit in Micrometer's configuration). */
    private static final double[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter requestDurationHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
