package org.fonds.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.access.Caller;
import org.fonds.shared.Timestamps;
import org.jboss.logging.Logger;

/**
 * Runs long work in the background, one job at a time on this instance, and keeps its progress in the table
 * {@code job}: a request is answered 202 at once with the job's URL, which a client polls. The work reports each item
 * through {@link JobProgress}; the row is written at most every second (and so is the heartbeat), each write in a
 * transaction of its own, so a reader sees the progress while the work runs. A job that this instance is not running
 * and whose heartbeat is older than {@code fonds.jobs.lost-after} was left by an instance that stopped (a restart, a
 * crash): it is reported FAILED, never left running forever and never silently lost.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    /** How often progress is written at most. */
    static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    private final JobRepository jobs;
    private final Caller caller;
    private final Duration lostAfter;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fonds-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public Jobs(JobRepository jobs, Caller caller,
            @ConfigProperty(name = "fonds.jobs.lost-after") Duration lostAfter) {
        this.jobs = jobs;
        this.caller = caller;
        this.lostAfter = lostAfter;
    }

    /**
     * Records a job of {@code kind} for the caller and queues {@code work}, which runs with the system's view of the
     * archive (the caller's request is over by then) and answers the job's result.
     */
    public Job submit(String kind, Function<JobProgress, JsonNode> work) {
        return submit(kind, job -> { }, work);
    }

    /**
     * As {@link #submit(String, Function)}, with {@code init} setting more of the job's row before it is inserted (an
     * import's file digest). A constraint the row violates fails the submission (nothing is queued).
     */
    public Job submit(String kind, java.util.function.Consumer<Job> init, Function<JobProgress, JsonNode> work) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            Job j = new Job();
            j.id = UUID.randomUUID();
            j.kind = kind;
            j.state = JobState.QUEUED;
            j.requestedBy = caller.actor();
            j.requestedAt = Timestamps.now();
            j.updatedAt = j.requestedAt;
            init.accept(j);
            jobs.persist(j);
            jobs.flush();
            return j;
        });
        running.add(job.id);
        runner.submit(() -> run(job.id, work));
        return job;
    }

    /** The job, with a lost one reported FAILED; empty when there is none of that kind. */
    public Optional<Job> get(UUID id, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = jobs.findById(id);
            if (job == null || !job.kind.equals(kind)) {
                return Optional.empty();
            }
            if (!job.state.finished() && !running.contains(id)
                    && job.updatedAt.isBefore(Timestamps.now().minus(lostAfter))) {
                job.error = "The instance that ran this job stopped before it finished (its last report was at "
                        + job.updatedAt + "); submit it again.";
                job.state = JobState.FAILED;
                job.finishedAt = Timestamps.now();
                job.updatedAt = job.finishedAt;
            }
            return Optional.of(job);
        });
    }

    private void run(UUID id, Function<JobProgress, JsonNode> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate(); // Hibernate resolves its database in a request context (db.ReadRouting: the primary)
        Tracker tracker = new Tracker(id);
        try {
            update(id, job -> {
                job.state = JobState.RUNNING;
                job.startedAt = Timestamps.now();
            });
            JsonNode result = Caller.asSystem(() -> work.apply(tracker));
            update(id, job -> {
                tracker.copyTo(job);
                job.result = result;
                job.state = JobState.SUCCEEDED;
                job.finishedAt = Timestamps.now();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s failed", id);
            update(id, job -> {
                tracker.copyTo(job);
                job.state = JobState.FAILED;
                job.finishedAt = Timestamps.now();
                job.error = e instanceof JobFailure f ? f.getMessage()
                        : "The job failed: " + e.getClass().getSimpleName() + ". It has been logged.";
            });
        } finally {
            running.remove(id);
            context.terminate();
        }
    }

    private void update(UUID id, java.util.function.Consumer<Job> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = jobs.findById(id);
            change.accept(job);
            job.updatedAt = Timestamps.now();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
    }

    /** The work's progress, written at most every {@link #WRITE_EVERY}. */
    private final class Tracker implements JobProgress {
        private final UUID id;
        private volatile Long total;
        private long done;
        private long failed;
        private long writtenAt = System.nanoTime();

        Tracker(UUID id) {
            this.id = id;
        }

        @Override
        public void total(long total) {
            this.total = total;
            write();
        }

        @Override
        public void item(boolean wentWrong) {
            done++;
            if (wentWrong) {
                failed++;
            }
            if (System.nanoTime() - writtenAt >= WRITE_EVERY.toNanos()) {
                write();
            }
        }

        private void write() {
            writtenAt = System.nanoTime();
            update(id, this::copyTo);
        }

        void copyTo(Job job) {
            job.total = total;
            job.done = done;
            job.failed = failed;
        }
    }

    /** Items per second since the job started; null before it has done any. */
    public static Double rate(Job job) {
        if (job.startedAt == null || job.done == 0) {
            return null;
        }
        OffsetDateTime end = job.finishedAt != null ? job.finishedAt : Timestamps.now();
        double seconds = Math.max(0.001, Duration.between(job.startedAt, end).toNanos() / 1e9);
        return job.done / seconds;
    }

    /** Seconds left at the rate so far; null when unknown (no total or no rate yet), 0 when finished. */
    public static Long secondsLeft(Job job) {
        if (job.state.finished()) {
            return 0L;
        }
        Double rate = rate(job);
        return job.total == null || rate == null ? null : (long) Math.ceil(Math.max(0, job.total - job.done) / rate);
    }
}
