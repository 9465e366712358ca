package org.fonds.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * The database's change epoch (migration V20's view {@code search_epoch}): the sum of the counters that every
 * transaction writing documents, their texts, notes, participants, subjects or collections (V20), or agents, places
 * or their names (V21) bumps before it commits, on any instance. A result read after the epoch, in the same or a later statement, is never older than the epoch
 * says; caches of lists and searches key their entries with it ({@link EpochCache}).
 */
@ApplicationScoped
public class ChangeEpoch {

    /**
     * What a cached result depends on besides its parameters: the epoch, the database's day (an embargo lapses with the
     * day, without a write), the role the views read, and whether deleted rows are shown (then nothing is cached).
     */
    public record Epoch(long epoch, LocalDate today, String role, boolean includeDeleted) {
    }

    /** The statement of {@link #current()} (public for the benchmark's scripts). */
    public static final String SQL = "SELECT e.epoch, e.today, e.role, e.include_deleted FROM search_epoch e";

    private final EntityManager em;

    public ChangeEpoch(EntityManager em) {
        this.em = em;
    }

    /** The epoch now, in one statement: read it before the statements whose result is cached. */
    public Epoch current() {
        Object[] r = (Object[]) em.createNativeQuery(SQL).getSingleResult();
        LocalDate today = r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1];
        return new Epoch(((Number) r[0]).longValue(), today, (String) r[2], (Boolean) r[3]);
    }
}
