package org.fonds.fixity;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.fonds.access.Caller;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.job.BackfillProgress;
import org.fonds.job.Job;
import org.fonds.job.JobProgress;
import org.fonds.job.Jobs;
import org.fonds.shared.Timestamps;
import org.jboss.logging.Logger;

/** Re-verifies the fixity digests of the whole archive (as a job), and records those missing at start. */
@ApplicationScoped
public class FixityService {

    /** The kind of the jobs that check the whole archive. */
    static final String KIND = "FIXITY_CHECK";

    /** At most this many mismatches are listed in a report (all are counted). */
    public static final int MAX_LISTED = 1000;
    /** Rows read at a time: memory stays bounded however large the archive. */
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(FixityService.class);

    /** Texts, then media items: every kind with a digest, in a stable order. */
    private final List<FixityChecked> kinds;

    private final Jobs jobs;
    private final ObjectMapper json;
    private final BackfillProgress backfill;

    public FixityService(@Any Instance<FixityChecked> kinds, Jobs jobs, ObjectMapper json, MeterRegistry metrics) {
        this.kinds = kinds.stream().sorted(Comparator.comparing(FixityChecked::order)).toList();
        this.jobs = jobs;
        this.json = json;
        this.backfill = new BackfillProgress("fixity", metrics, LOG);
    }

    /** A check of the whole archive, queued as a job ({@link #job}); the job as it is now. */
    public FixityJob start() {
        return view(jobs.submit(KIND, progress -> json.valueToTree(verifyAll(progress))));
    }

    /** The check {@code id} as it is now: its progress, and its report once finished. */
    public FixityJob job(UUID id) {
        return jobs.get(id, KIND).map(this::view).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no fixity check " + id + "."));
    }

    private FixityJob view(Job job) {
        FixityReport report;
        try {
            report = job.result == null ? null : json.treeToValue(job.result, FixityReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The report of fixity check " + job.id + " cannot be read", e);
        }
        return new FixityJob(job.id, job.state, job.requestedBy, job.requestedAt, job.startedAt, job.finishedAt,
                job.total, job.done, job.failed, Jobs.rate(job), Jobs.secondsLeft(job), report, job.error);
    }

    /**
     * Every text, then every media item; reads only, on the job runner's thread, which has no transaction: each batch
     * is read and let go.
     */
    FixityReport verifyAll(JobProgress progress) {
        progress.total(kinds.stream().mapToLong(FixityChecked::countAll).sum());
        OffsetDateTime started = Timestamps.now();
        List<FixityCheck> listed = new ArrayList<>();
        AtomicLong mismatches = new AtomicLong();
        java.util.function.Consumer<FixityCheck> sink = check -> {
            boolean mismatch = check.status() != FixityCheck.Status.OK;
            if (mismatch) {
                mismatches.incrementAndGet();
                if (listed.size() < MAX_LISTED) {
                    listed.add(check);
                }
            }
            progress.item(mismatch);
        };
        long checked = 0;
        for (FixityChecked kind : kinds) {
            checked += kind.verifyAll(BATCH, sink);
        }
        return new FixityReport(Fixity.ALGORITHM, checked, mismatches.get(), List.copyOf(listed),
                mismatches.get() > listed.size(), started, Timestamps.now());
    }

    /**
     * Texts and media written before fixity existed (migration V10), or loaded in bulk without a digest, get it in the
     * background after the start, a batch per transaction: a large archive must not hold the start (1.5 million texts
     * take minutes), and the API serves meanwhile (a check of a part without a digest is a mismatch with no expected
     * digest). The thread has a request context of its own: Hibernate resolves which database a session uses in one
     * (db.ReadRouting; outside an HTTP request, the primary).
     */
    void recordMissing(@Observes StartupEvent event) {
        Thread backfill = new Thread(() -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                Caller.asSystem(this::recordMissing);
            } finally {
                context.terminate();
            }
        }, "fonds-fixity-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Records every missing digest; the number recorded. Its progress is logged and measured. */
    public int recordMissing() {
        int recorded = 0;
        try {
            backfill.start(kinds.stream().mapToLong(FixityChecked::countMissingFixity).sum());
            for (FixityChecked kind : kinds) {
                for (int n; (n = kind.recordMissingFixity(BATCH)) > 0; ) {
                    recorded += n;
                    backfill.advance(n);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Stopped recording missing fixity digests after %d; the next start goes on", recorded);
            return recorded;
        } finally {
            backfill.finish();
        }
        if (recorded > 0) {
            LOG.infof("Recorded the fixity digest of %d texts and media items written without one", recorded);
        }
        return recorded;
    }
}
