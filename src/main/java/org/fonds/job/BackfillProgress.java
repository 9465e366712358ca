package org.fonds.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The progress of a background backfill (work a start does while the API already serves): logged every
 * {@link #LOG_EVERY} with its rate and an estimate of the time left, and measured as the gauges
 * {@code fonds_backfill_items{backfill, state="total"|"done"}} on /q/metrics.
 */
public final class BackfillProgress {

    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final String name;
    private final Logger log;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private long startedAt;
    private long loggedAt;

    public BackfillProgress(String name, MeterRegistry metrics, Logger log) {
        this.name = name;
        this.log = log;
        Gauge.builder("fonds.backfill.items", total, AtomicLong::get).tag("backfill", name).tag("state", "total")
                .description("Items the backfill has to do in all").register(metrics);
        Gauge.builder("fonds.backfill.items", done, AtomicLong::get).tag("backfill", name).tag("state", "done")
                .description("Items the backfill has done").register(metrics);
    }

    /** The backfill begins with {@code items} to do. */
    public void start(long items) {
        total.set(items);
        done.set(0);
        startedAt = System.nanoTime();
        loggedAt = startedAt;
        if (items > 0) {
            log.infof("Backfill %s: %d to do", name, items);
        }
    }

    /** {@code items} more done; logs the progress when it was last logged long enough ago. */
    public void advance(long items) {
        long now = System.nanoTime();
        long sofar = done.addAndGet(items);
        if (now - loggedAt >= LOG_EVERY.toNanos()) {
            loggedAt = now;
            double rate = sofar / Math.max(1e-3, (now - startedAt) / 1e9);
            long left = Math.max(0, total.get() - sofar);
            log.infof("Backfill %s: %d of %d done (%.0f a second), about %d s left", name, sofar, total.get(), rate,
                    (long) Math.ceil(left / Math.max(rate, 1e-9)));
        }
    }

    /** The backfill is over (done, or stopped): nothing is left to do by this run. */
    public void finish() {
        total.set(done.get());
    }
}
