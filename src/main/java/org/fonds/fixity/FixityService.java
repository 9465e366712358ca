package org.fonds.fixity;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fonds.access.Caller;
import org.fonds.shared.Timestamps;
import org.jboss.logging.Logger;

/** Re-verifies the fixity digests of the whole archive, and records those missing at start. */
@ApplicationScoped
public class FixityService {

    /** At most this many mismatches are listed in a report (all are counted). */
    public static final int MAX_LISTED = 1000;
    /** Rows read at a time: memory stays bounded however large the archive. */
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(FixityService.class);

    /** Texts, then media items: every kind with a digest, in a stable order. */
    private final List<FixityChecked> kinds;

    public FixityService(@Any Instance<FixityChecked> kinds) {
        this.kinds = kinds.stream().sorted(Comparator.comparing(FixityChecked::order)).toList();
    }

    /** Every text, then every media item; reads only (no transaction: each batch is read and let go). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public FixityReport verifyAll() {
        OffsetDateTime started = Timestamps.now();
        List<FixityCheck> listed = new ArrayList<>();
        AtomicLong mismatches = new AtomicLong();
        java.util.function.Consumer<FixityCheck> sink = check -> {
            if (check.status() != FixityCheck.Status.OK) {
                mismatches.incrementAndGet();
                if (listed.size() < MAX_LISTED) {
                    listed.add(check);
                }
            }
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

    /** Records every missing digest; the number recorded. */
    public int recordMissing() {
        int recorded = 0;
        try {
            for (FixityChecked kind : kinds) {
                for (int n; (n = kind.recordMissingFixity(BATCH)) > 0; ) {
                    recorded += n;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Stopped recording missing fixity digests after %d; the next start goes on", recorded);
            return recorded;
        }
        if (recorded > 0) {
            LOG.infof("Recorded the fixity digest of %d texts and media items written without one", recorded);
        }
        return recorded;
    }
}
