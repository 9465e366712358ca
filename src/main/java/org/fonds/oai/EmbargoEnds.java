package org.fonds.oai;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Dates the documents whose embargo has ended since their last write by the time of the check (migration V26), so
 * that the next incremental OAI-PMH harvest lists them: an embargo ends with a date, not a write, and the datestamp of
 * the document's last write is older than the harvester's last harvest. Every {@code fonds.oai.embargo-check-every},
 * on every instance (the function is idempotent), in a transaction of its own on the primary.
 */
@ApplicationScoped
public class EmbargoEnds {

    private static final Logger LOG = Logger.getLogger(EmbargoEnds.class);

    private final EntityManager em;

    EmbargoEnds(EntityManager em) {
        this.em = em;
    }

    @Scheduled(identity = "embargo-ends", every = "${fonds.oai.embargo-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            // the database unavailable, or the instance stopping: the next check does it
            LOG.warnf("The check for ended embargoes failed: %s", e.getMessage());
        }
    }

    /** Moves the datestamps of the documents whose embargo has ended since their last write; how many it moved. */
    public int check() {
        int moved = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT fonds_embargoes_ended()").getSingleResult()).intValue());
        if (moved > 0) {
            LOG.infof("%d document(s) out of their embargo: dated now for OAI-PMH harvests", moved);
        }
        return moved;
    }
}
