package org.fonds.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.job.Job;
import org.fonds.job.JobRepository;
import org.fonds.job.JobState;
import org.fonds.job.Jobs;
import org.jboss.logging.Logger;

/**
 * POST /imports: the request's body goes to a temporary file (streamed, with its SHA-256 and its number of lines), and
 * an import job is queued that runs the {@link ImportFormat} the body's media type names over it
 * ({@link ImportRun}). No two imports of the same file (digest) are QUEUED or RUNNING at once (409; the database's
 * unique index decides a race); a lost one (its instance stopped) is reported FAILED first and does not block.
 */
@ApplicationScoped
public class Imports {

    static final String KIND = "IMPORT";
    private static final Logger LOG = Logger.getLogger(Imports.class);

    private final Jobs jobs;
    private final JobRepository jobRows;
    private final Instance<ImportFormat> formats;
    private final EntityManager em;
    private final TransactionManager transactions;
    private final ObjectMapper json;
    private final ArchiveRows rows;
    private final ImportFiles files;
    private final int writers;
    /** The runs this instance is doing, for their progress while they run. */
    private final Map<UUID, ImportRun> running = new ConcurrentHashMap<>();

    public Imports(Jobs jobs, JobRepository jobRows, @Any Instance<ImportFormat> formats, EntityManager em,
            TransactionManager transactions, ObjectMapper json, ArchiveRows rows, ImportFiles files,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "fonds.imports.writers") int writers) {
        this.jobs = jobs;
        this.rows = rows;
        this.files = files;
        this.writers = writers;
        this.jobRows = jobRows;
        this.formats = formats;
        this.em = em;
        this.transactions = transactions;
        this.json = json;
    }

    /** The media types with a format, for the 415 problem and the spec. */
    public List<String> mediaTypes() {
        List<String> types = new ArrayList<>();
        formats.forEach(f -> types.add(f.mediaType()));
        return types;
    }

    public ImportJob start(InputStream body, MediaType type, boolean dryRun) {
        ImportFormat format = format(type);
        Path file;
        try {
            file = files.newFile("upload", ".body");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Job job = null;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long newlines = 0;
            long size = 0;
            int last = '\n';
            try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    newlines += newlines(buffer, n);
                    last = buffer[n - 1];
                    size += n;
                }
            }
            if (size == 0) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body (the file to import) "
                        + "is empty.");
            }
            job = submit(format, file, HexFormat.of().formatHex(digest.digest()),
                    newlines + (last == '\n' ? 0 : 1), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (job == null) {
                // a body cut short (the client went away), a full disk, a refusal: nothing is queued, nothing kept
                deleteQuietly(file);
            }
        }
        return view(job);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_SEVEN = 0x7f7f7f7f7f7f7f7fL;

    /**
     * The '\n' bytes among the first {@code n}, eight at a time: a byte of {@code x ^ NEWLINES} is zero where the
     * file has '\n', and the expression below sets the high bit of exactly those bytes (no carry crosses a byte). A
     * byte at a time took 1.7 s of a 2 GB upload's 11; this, 0.3 s. By hand: neither the JDK nor a library on the
     * classpath counts a byte in an array.
     */
    static long newlines(byte[] buffer, int n) {
        long count = 0;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ NEWLINES;
            count += Long.bitCount(~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN));
        }
        for (; i < n; i++) {
            if (buffer[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private Job submit(ImportFormat format, Path file, String sha256, long lines, boolean dryRun) {
        // a job of this file left QUEUED or RUNNING by a stopped instance is reported FAILED here (Jobs.get)
        List<UUID> active = QuarkusTransaction.requiringNew().call(() -> jobRows
                .find("sourceSha256 = ?1 and state in ?2", sha256, List.of(JobState.QUEUED, JobState.RUNNING))
                .stream().map(j -> j.id).toList());
        for (UUID id : active) {
            if (jobs.get(id, KIND).map(j -> !j.state.finished()).orElse(false)) {
                throw conflict(id);
            }
        }
        CompletableFuture<UUID> jobId = new CompletableFuture<>();
        Job job;
        try {
            job = jobs.submit(KIND, j -> {
                j.sourceSha256 = sha256;
                j.total = lines;
                j.result = header(format, dryRun, sha256);
            }, progress -> {
                UUID id = jobId.join();
                ImportRun run = new ImportRun(id, dryRun, progress, em, transactions, rows, writers);
                running.put(id, run);
                try (InputStream in = Files.newInputStream(file)) {
                    progress.total(lines);
                    run.run(format, in);
                    run.linesRead = lines; // all of it (a last line that is no unit, such as NDJSON's END, too)
                    return run.result(header(format, dryRun, sha256));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Import %s failed: %s", id, ImportRun.detail(e));
                    ObjectNode result = run.result(header(format, dryRun, sha256));
                    QuarkusTransaction.requiringNew().run(() -> jobRows.findById(id).result = result);
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                } finally {
                    running.remove(id);
                    deleteQuietly(file);
                }
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw conflict(null);
            }
            throw e;
        }
        jobId.complete(job.id);
        return job;
    }

    private ObjectNode header(ImportFormat format, boolean dryRun, String sha256) {
        return json.createObjectNode().put("format", format.name()).put("dry_run", dryRun).put("sha256", sha256);
    }

    /** The import job; 404 when there is none. */
    public ImportJob job(UUID id) {
        return jobs.get(id, KIND).map(this::view).orElseThrow(() -> ProblemException.notFound("import", id));
    }

    private ImportJob view(Job job) {
        ImportRun run = running.get(job.id);
        JsonNode r = run != null ? run.result(json.createObjectNode()) : job.result;
        JsonNode result = job.result == null ? json.createObjectNode() : job.result;
        if (r == null) {
            r = json.createObjectNode();
        }
        List<ImportJob.ImportProblem> problems = new ArrayList<>();
        r.path("problems").forEach(p -> problems.add(new ImportJob.ImportProblem(p.path("line").asLong(),
                p.path("type").asText(), p.path("title").asText(), p.path("detail").asText())));
        List<ImportJob.UnitReport> reports = new ArrayList<>();
        r.path("reports").forEach(p -> reports.add(new ImportJob.UnitReport(p.path("line").asLong(),
                p.path("source_id").asText(), json.convertValue(p.path("report"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }))));
        List<String> paths = new ArrayList<>();
        r.path("paths").forEach(p -> paths.add(p.asText()));
        return new ImportJob(job.id, job.state, result.path("format").asText(), result.path("dry_run").asBoolean(),
                job.sourceSha256, job.requestedBy, job.requestedAt, job.startedAt, job.finishedAt, job.total,
                r.path("lines_read").asLong(), r.path("written").asLong(), r.path("skipped").asLong(),
                r.path("failed").asLong(), Jobs.rate(job), Jobs.secondsLeft(job), problems,
                r.path("problem_count").asLong(), reports, r.path("report_count").asLong(), paths,
                r.path("path_count").asLong(), job.error);
    }

    private ImportFormat format(MediaType type) {
        if (type != null) {
            for (ImportFormat format : formats) {
                if (MediaType.valueOf(format.mediaType()).isCompatible(type) && !type.isWildcardType()
                        && !type.isWildcardSubtype()) {
                    return format;
                }
            }
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Fonds imports files of the media types "
                + String.join(", ", mediaTypes()) + "; the request's Content-Type is "
                + (type == null ? "missing" : type.getType() + "/" + type.getSubtype()) + ".");
    }

    private static ProblemException conflict(UUID running) {
        return new ProblemException(ProblemType.CONFLICT, "An import of the same file (the same SHA-256) is queued "
                + "or running" + (running == null ? "" : ": /imports/" + running) + ". Wait until it has finished; "
                + "importing the file again then writes only what is missing.");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s", file);
        }
    }
}
