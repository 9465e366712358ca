package org.fonds.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.fonds.http.ProblemException;
import org.fonds.job.JobProgress;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * One run of an import job: where its format hands the units it reads ({@link ImportUnits}). Units are written in
 * batches, one transaction per batch and a savepoint per unit, so that a unit that fails is rolled back alone (never a
 * half document) and the others of its batch land; its source identifier is recorded in the same savepoint. A unit
 * whose source identifier is recorded already is skipped. When a failure leaves the batch's transaction unusable (a
 * service's own transaction marked it for rollback), the batch is rolled back and its units written again one
 * transaction each. A dry run writes in one transaction for the whole file, rolled back at the end: its problems are
 * those the same import would have, references to earlier units of the file included.
 *
 * <p>Most batches have no failing unit, so each is first written whole: the units' rows gathered ({@link
 * ArchiveRows#gather}) and sent as one statement per table, their source identifiers recorded by one more, in a
 * savepoint of the batch. Only when that fails is the batch rolled back to it and written a unit at a time as above.
 *
 * <p>What it counts is read by GET /imports/{id} while it runs (this instance) and kept as the job's result.
 */
final class ImportRun implements ImportUnits {

    private static final Logger LOG = Logger.getLogger(ImportRun.class);
    /** Units per transaction. */
    static final int BATCH = 250;
    /** How many problems, reports and paths the job keeps (the counts are kept whole). */
    static final int KEPT = 100;
    /** How long a dry run's one transaction may last. */
    static final int DRY_RUN_TIMEOUT_SECONDS = 6 * 3600;

    private record Pending(long line, String sourceId, Supplier<String> write) {
    }

    private final UUID jobId;
    private final boolean dryRun;
    private final JobProgress progress;
    private final EntityManager em;
    private final TransactionManager transactions;
    private final ArchiveRows rows;
    /** Threads that write batches at once (1: the reading thread writes them). */
    private final int writers;
    private java.util.concurrent.ExecutorService pool;
    private java.util.concurrent.Semaphore inFlight;
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> writerFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<Pending> batch = new ArrayList<>();

    // what GET /imports/{id} shows while the job runs (read by other threads)
    volatile long linesRead;
    volatile long written;
    volatile long skipped;
    volatile long failed;
    volatile long problemCount;
    volatile long reportCount;
    volatile long pathCount;
    final List<JsonNode> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> reports = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());

    ImportRun(UUID jobId, boolean dryRun, JobProgress progress, EntityManager em, TransactionManager transactions,
            ArchiveRows rows, int writers) {
        this.rows = rows;
        this.writers = writers;
        this.jobId = jobId;
        this.dryRun = dryRun;
        this.progress = progress;
        this.em = em;
        this.transactions = transactions;
    }

    @Override
    public void unit(long line, String sourceId, JsonNode report, Supplier<String> write) {
        linesRead = Math.max(linesRead, line);
        if (report != null) {
            if (reports.size() < KEPT) {
                ObjectNode r = JsonNodeFactory.instance.objectNode().put("line", line).put("source_id", sourceId);
                r.set("report", report);
                reports.add(r);
            }
            reportCount++;
        }
        batch.add(new Pending(line, sourceId, write));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    @Override
    public void problem(long line, String detail) {
        linesRead = Math.max(linesRead, line);
        problem(line, "/problems/validation-failed", "Unit not imported", detail);
    }

    private synchronized void problem(long line, String type, String title, String detail) {
        if (problems.size() < KEPT) {
            problems.add(JsonNodeFactory.instance.objectNode().put("line", line).put("type", type).put("title", title)
                    .put("detail", detail));
        }
        problemCount++;
        failed++;
        progress.item(true);
    }

    /**
     * Runs the format over the file; in a dry run inside one transaction that is rolled back. When the format allows
     * it, {@code writers} threads write the batches while this one reads (each batch in its own transaction, at most
     * one batch per writer waiting): the database's work (search vectors, indexes, triggers) then uses every core.
     * A unit that refers to a row of a batch still being written could find it not yet inserted: the format calls
     * {@link #barrier} where that can happen, so the order of the file still holds.
     */
    void run(ImportFormat format, java.io.InputStream file) throws java.io.IOException {
        if (!dryRun) {
            if (writers > 1 && format.concurrentWrites()) {
                pool = java.util.concurrent.Executors.newFixedThreadPool(writers, r -> {
                    Thread thread = new Thread(r, "fonds-import-" + jobId);
                    thread.setDaemon(true);
                    return thread;
                });
                inFlight = new java.util.concurrent.Semaphore(inFlightLimit());
            }
            try {
                format.read(file, this);
                flush();
            } finally {
                awaitWriters();
            }
            return;
        }
        try {
            transactions.setTransactionTimeout(DRY_RUN_TIMEOUT_SECONDS); // one transaction for the whole file
            transactions.begin();
            transactions.setTransactionTimeout(0);
            format.read(file, this);
            flush();
        } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    transactions.rollback();
                }
            } catch (jakarta.transaction.SystemException e) {
                LOG.warnf(e, "Dry run %s: rollback failed", jobId);
            }
        }
    }

    /**
     * Writes the pending units, and waits until every batch handed to the writers has been committed (or has failed,
     * which ends the job). A no-op wait in a dry run, or without writers.
     */
    @Override
    public void barrier() {
        flush();
        if (pool != null) {
            inFlight.acquireUninterruptibly(inFlightLimit()); // every batch in flight holds one until it is done
            inFlight.release(inFlightLimit());
            RuntimeException failure = writerFailure.get();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** How many batches may be written or waiting at once: one being written and one waiting per writer. */
    private int inFlightLimit() {
        return writers * 2;
    }

    /** Writes the pending units. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> units = List.copyOf(batch);
        batch.clear();
        if (dryRun) {
            // the transaction of the whole run: units that failed are rolled back to their savepoints
            write(units, false);
            em.clear();
            return;
        }
        if (pool == null) {
            writeBatch(units);
            return;
        }
        RuntimeException failure = writerFailure.get();
        if (failure != null) {
            throw failure;
        }
        inFlight.acquireUninterruptibly();
        pool.execute(() -> {
            io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
            context.activate(); // Hibernate resolves its database in a request context (db.ReadRouting)
            try {
                org.fonds.access.Caller.asSystem(() -> {
                    writeBatch(units);
                    return null;
                });
            } catch (RuntimeException e) {
                writerFailure.compareAndSet(null, e);
            } finally {
                context.terminate();
                inFlight.release();
            }
        });
    }

    /** Waits for the writers' batches; a writer's failure ends the job. */
    private void awaitWriters() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                LOG.debugf("Import %s: waiting for its writers", jobId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        RuntimeException failure = writerFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** A batch in a transaction of its own, counted. */
    private void writeBatch(List<Pending> units) {
        List<Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> {
                sql("SET LOCAL synchronous_commit TO OFF"); // a crash loses at most the last batches; a rerun writes them
                return write(units, true);
            });
        } catch (BatchBroken e) {
            // a unit's failure marked the transaction for rollback: each unit again, in a transaction of its own
            outcomes = new ArrayList<>();
            for (Pending unit : units) {
                try {
                    outcomes.addAll(QuarkusTransaction.requiringNew().call(() -> write(List.of(unit), false)));
                } catch (UnitFailed failed) {
                    outcomes.add(new Outcome(unit, null, false, failed.cause));
                }
            }
        } catch (RuntimeException e) {
            stopIfTheDatabaseCannotGoOn(e); // a commit refused for want of disk, say
            throw e;
        }
        outcomes.forEach(this::count);
    }

    private record Outcome(Pending unit, String path, boolean skipped, Exception failure) {
    }

    /** Thrown out of a batch's transaction when it can no longer be committed. */
    private static final class BatchBroken extends RuntimeException {
        BatchBroken() {
            super(null, null, false, false);
        }
    }

    /** Thrown out of a unit's own transaction when its failure marked it for rollback. */
    private static final class UnitFailed extends RuntimeException {
        final Exception cause;

        UnitFailed(Exception cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** The units in the current transaction, each in a savepoint; counted at once in a dry run. */
    private List<Outcome> write(List<Pending> units, boolean breakable) {
        Set<String> done = recorded(units);
        if (breakable && units.size() > 1) {
            List<Outcome> whole = writeWhole(units, new HashSet<>(done));
            if (whole != null) {
                return whole;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Pending unit : units) {
            if (done.contains(unit.sourceId())) {
                outcomes.add(new Outcome(unit, null, true, null));
                continue;
            }
            sql("SAVEPOINT unit");
            try {
                String path = unit.write().get();
                em.flush();
                recordAndRelease(unit.sourceId(), path);
                done.add(unit.sourceId());
                outcomes.add(new Outcome(unit, path, false, null));
            } catch (RuntimeException e) {
                stopIfTheDatabaseCannotGoOn(e);
                if (rollbackOnly()) {
                    if (dryRun) {
                        throw new IllegalStateException("A unit's failure ended the dry run's transaction", e);
                    }
                    throw breakable ? new BatchBroken() : new UnitFailed(e);
                }
                sql("ROLLBACK TO SAVEPOINT unit");
                em.clear();
                outcomes.add(new Outcome(unit, null, false, e));
            }
        }
        if (dryRun) {
            outcomes.forEach(this::count);
            return List.of();
        }
        return outcomes;
    }

    /**
     * The batch written whole, in a savepoint: the units' rows gathered and sent one statement per table, their source
     * identifiers recorded by one more. Null when a unit or a statement failed: the batch is rolled back to the
     * savepoint, to be written a unit at a time.
     */
    private List<Outcome> writeWhole(List<Pending> units, Set<String> done) {
        sql("SAVEPOINT batch");
        rows.gather();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> sourceIds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try {
            for (Pending unit : units) {
                if (!done.add(unit.sourceId())) {
                    outcomes.add(new Outcome(unit, null, true, null));
                    continue;
                }
                String path = unit.write().get();
                sourceIds.add(unit.sourceId());
                paths.add(path);
                outcomes.add(new Outcome(unit, path, false, null));
            }
            em.flush();
            rows.sendGathered();
            record(sourceIds, paths);
            sql("RELEASE SAVEPOINT batch");
            return outcomes;
        } catch (RuntimeException e) {
            rows.discardGathered();
            stopIfTheDatabaseCannotGoOn(e);
            if (rollbackOnly()) {
                throw new BatchBroken();
            }
            sql("ROLLBACK TO SAVEPOINT batch");
            em.clear();
            LOG.debugf("Import %s: a batch written whole failed (%s), written a unit at a time", jobId, detail(e));
            return null;
        }
    }

    /** Records the units as written: one statement. */
    private void record(List<String> sourceIds, List<String> paths) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import_source (source_id, path, job_id, "
                    + "imported_at) SELECT s, p, ?, now() FROM unnest(?, ?) AS u (s, p)")) {
                s.setObject(1, jobId);
                s.setArray(2, c.createArrayOf("text", sourceIds.toArray()));
                s.setArray(3, c.createArrayOf("text", paths.toArray()));
                s.executeUpdate();
            }
        });
    }

    private synchronized void count(Outcome o) {
        linesRead = Math.max(linesRead, o.unit().line());
        if (o.skipped()) {
            skipped++;
            progress.item(false);
        } else if (o.failure() != null) {
            Exception e = o.failure();
            if (e instanceof ProblemException p) {
                problem(o.unit().line(), p.type().uri(), p.type().title(), p.getMessage());
            } else {
                problem(o.unit().line(), "/problems/validation-failed", "Unit not imported", detail(e));
            }
        } else {
            written++;
            if (paths.size() < KEPT) {
                paths.add(o.path());
            }
            pathCount++;
            progress.item(false);
        }
    }

    /**
     * A failure that is no unit's fault ends the job rather than every unit after it: the database is out of disk
     * space or memory (SQLSTATE class 53), shutting down (57P), unreachable (08) or failing its files (58). What was
     * committed stays, and so does the record of it: the same file imported again writes only what is missing.
     */
    private void stopIfTheDatabaseCannotGoOn(Throwable e) {
        java.util.Optional<Throwable> stopped = org.fonds.db.Failures.under(e)
                .filter(t -> t instanceof org.fonds.job.JobFailure || t instanceof SQLException sql
                        && sql.getMessage() != null && why(sql.getSQLState()) != null)
                .findFirst();
        if (stopped.isEmpty()) {
            return;
        }
        if (stopped.get() instanceof org.fonds.job.JobFailure failure) {
            throw failure;
        }
        SQLException sql = (SQLException) stopped.get();
        throw new org.fonds.job.JobFailure(why(sql.getSQLState()) + " (SQLSTATE " + sql.getSQLState() + ": "
                + message(sql).replaceFirst("^(ERROR|FATAL|PANIC): ", "") + "). " + (dryRun
                ? "Nothing was written (a dry run)."
                : "What was written before stays; once the database can go on, import the same file again: it "
                        + "writes only what is missing."), e);
    }

    /** Why the database cannot go on, for the SQLSTATEs that say so; null for the others. */
    private static String why(String state) {
        return state == null ? null
                : state.equals("53100") ? "The database is out of disk space"
                : state.startsWith("53") ? "The database is out of resources"
                : state.startsWith("57P") ? "The database is shutting down"
                : state.startsWith("08") ? "The database could not be reached"
                : state.startsWith("58") ? "The database could not read or write its files" : null;
    }

    /** What went wrong, without a stack trace: the database's message, or the exception's. */
    static String detail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return "Rejected by the database: " + message(sql);
            }
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The database's message, without the context (the PL/pgSQL lines) it adds after it. */
    private static String message(SQLException sql) {
        String message = sql.getMessage();
        int where = message.indexOf("\n  Where:");
        return (where > 0 ? message.substring(0, where) : message).strip();
    }

    private boolean rollbackOnly() {
        try {
            return transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (jakarta.transaction.SystemException e) {
            return true;
        }
    }

    /** The source identifiers of the units that an earlier import has written. */
    private Set<String> recorded(List<Pending> units) {
        Set<String> found = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            Array ids = c.createArrayOf("text", units.stream().map(Pending::sourceId).toArray());
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT source_id FROM import_source WHERE source_id = ANY(?)")) {
                s.setArray(1, ids);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        });
        return found;
    }

    /** Records the unit as written and releases its savepoint: one round trip. */
    private void recordAndRelease(String sourceId, String path) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO import_source (source_id, path, job_id, "
                    + "imported_at) VALUES (?, ?, ?, now()); RELEASE SAVEPOINT unit")) {
                s.setString(1, sourceId);
                s.setString(2, path);
                s.setObject(3, jobId);
                s.execute();
            }
        });
    }

    private void sql(String statement) {
        em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        });
    }

    /** What the job keeps as its result (and shows while it runs). */
    ObjectNode result(ObjectNode into) {
        into.put("lines_read", linesRead).put("written", written).put("skipped", skipped).put("failed", failed)
                .put("problem_count", problemCount).put("report_count", reportCount).put("path_count", pathCount);
        ArrayNode p = into.putArray("problems");
        synchronized (problems) {
            // by line: a line's own problems are found as it is read, a unit's when its batch is written
            problems.stream().sorted(java.util.Comparator.comparingLong(n -> n.path("line").asLong())).forEach(p::add);
        }
        ArrayNode r = into.putArray("reports");
        synchronized (reports) {
            reports.forEach(r::add);
        }
        ArrayNode w = into.putArray("paths");
        synchronized (paths) {
            paths.forEach(w::add);
        }
        return into;
    }
}
