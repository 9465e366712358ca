package org.fonds.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.text.Paragraphs;
import org.fonds.text.Section;
import org.fonds.text.Text;
import org.fonds.text.TextRole;
import org.fonds.text.TextService;
import org.fonds.fixity.Fixity;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A deterministic synthetic corpus for the benchmark (bench/README.md): agents with Latin, Cyrillic and Hangul name
 * variants, places, and documents with EDTF dates, a Russian original and an English translation (or an English
 * original), participants and annotations anchored to the texts (foreign terms, translator notes, marginalia, date
 * and agent mentions). The same {@code --seed} and {@code --documents} give the same rows, ids included (UUIDv7
 * layout: a synthetic millisecond clock, then seeded random bits), on any machine.
 *
 * <p>Rows go in with COPY (text format) through pgjdbc's CopyManager, one transaction per batch of documents, while
 * the next batch is generated on another thread. Usage:
 *
 * <pre>
 * java -cp ... org.fonds.bench.CorpusGenerator --jdbc-url jdbc:postgresql://localhost:5432/fonds --user postgres \
 *      --password-file data/pg/fonds-superuser.password [--documents 1000000] [--seed 42] [--batch 1000] [--threads 2]
 * java -cp ... org.fonds.bench.CorpusGenerator --dry-run true --documents 20000   # generate only: rate, size, crc32
 * </pre>
 *
 * Run it on a database that Flyway has migrated (start the API once). It only inserts; run it once per database.
 */
public final class CorpusGenerator {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx");
    /** The synthetic clock of the ids and timestamps starts here and ticks one millisecond per 64 rows. */
    private static final long EPOCH_MS = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()
            .toEpochMilli();

    /** Ids of documents and their parts start here, after those of agents and places. */
    private static final long DOCUMENT_IDS = 1L << 24;
    /** At most this many ids per document (the document, texts, participants, annotations and targets). */
    private static final long IDS_PER_DOCUMENT = 64;

    private final long seed;
    private final int documents;
    private int agentCount;
    private SplittableRandom random;
    private long idCounter;

    private CorpusGenerator(long seed, int documents) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.documents = documents;
    }

    /**
     * A generator of batch {@code k} alone: its random numbers and ids depend on the seed and k only, so that batches
     * can be generated on several threads in any order and still give the same rows.
     */
    private CorpusGenerator forBatch(int k, int batchSize) {
        CorpusGenerator g = new CorpusGenerator(seed, documents);
        g.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k + 1);
        g.idCounter = DOCUMENT_IDS + (long) k * batchSize * IDS_PER_DOCUMENT;
        g.agents = agents;
        g.places = places;
        return g;
    }

    private Batch batch(int k, int batchSize) {
        CorpusGenerator g = forBatch(k, batchSize);
        Batch b = new Batch();
        int n = Math.min(batchSize, documents - k * batchSize);
        for (int i = 0; i < n; i++) {
            long before = g.idCounter;
            g.document(b);
            if (g.idCounter - before > IDS_PER_DOCUMENT) {
                throw new IllegalStateException("a document took more than " + IDS_PER_DOCUMENT + " ids");
            }
            g.idCounter = before + IDS_PER_DOCUMENT;
        }
        return b;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int documents = Integer.parseInt(opts.getOrDefault("documents", "1000000"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        int batch = Integer.parseInt(opts.getOrDefault("batch", "1000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads",
                String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors()))));
        if (opts.containsKey("dry-run")) {
            CorpusGenerator g = new CorpusGenerator(seed, documents);
            Batch reference = new Batch();
            g.agents = new Agent[Math.max(500, Math.min(40_000, documents / 25))];
            for (int i = 0; i < g.agents.length; i++) {
                g.agents[i] = g.agent(reference);
            }
            g.places = new UUID[50];
            for (int i = 0; i < g.places.length; i++) {
                g.places[i] = g.place(reference, i);
            }
            long t0 = System.nanoTime();
            long bytes = 0;
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            for (Rows r : reference.tables.values()) {
                crc.update(r.buf, 0, r.length);
            }
            for (int k = 0; (long) k * batch < documents; k++) {
                for (Rows r : g.batch(k, batch).tables.values()) {
                    bytes += r.length;
                    crc.update(r.buf, 0, r.length);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // the checksum shows that a seed and a size give the same rows (on any machine, any --threads)
            System.out.printf(Locale.ROOT, "GENERATED documents=%d bytes=%d crc32=%08x seconds=%.1f "
                    + "documents_per_second=%.0f%n", documents, bytes, crc.getValue(), seconds, documents / seconds);
            return;
        }
        String url = require(opts, "jdbc-url");
        String user = opts.getOrDefault("user", "postgres");
        String password = opts.containsKey("password-file")
                ? java.nio.file.Files.readString(java.nio.file.Path.of(opts.get("password-file"))).strip()
                : opts.getOrDefault("password", "");
        boolean deferIndexes = Boolean.parseBoolean(opts.getOrDefault("defer-indexes", "true"));
        CorpusGenerator g = new CorpusGenerator(seed, documents);
        // --agents: the agents (and their names) of a bigger archive over fewer documents, to measure the name search
        // at the size of 1,000,000 documents (40,000 agents) without loading them all; 0 or absent: by the documents
        g.agentCount = Integer.parseInt(opts.getOrDefault("agents", "0"));
        g.load(url, user, password, batch, threads, deferIndexes);
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loading

    /** The rows of one transaction, per table, in COPY text format. Tables are copied in this (foreign key) order. */
    private static final class Batch {
        final Map<String, Rows> tables = new LinkedHashMap<>();
        int documents;
        int annotations;

        Rows table(String copy) {
            return tables.computeIfAbsent(copy, k -> new Rows());
        }
    }

    /**
     * The key of a name as the name search (migration V6, org.fonds.name.NameKey) stores it, when that migration is
     * applied: the application, not a trigger, maintains agent_name.match_key and place_name.match_key.
     */
    private java.util.function.UnaryOperator<String> nameKey;

    /** The tables the documents' batches fill, whose secondary indexes {@code --defer-indexes} builds after the load. */
    private static final List<String> BULK_TABLES = List.of("document", "text", "participant", "annotation",
            "annotation_target", "document_subject", "document_collection");

    /**
     * {@code --defer-indexes true} (the default): the fastest correct path. The secondary indexes of the bulk tables
     * (those that back no constraint: the GIN indexes of the full-text search, the filters' btree and GiST indexes)
     * are dropped before the documents are copied and built again afterwards, each in one pass over the loaded rows,
     * instead of being maintained row by row. Everything else stays on: primary keys, unique and foreign key
     * constraints, checks, and the triggers, so that every row is checked and the search vectors are computed by the
     * migrations' own functions (V5), as for any write. The rate reported includes the index builds.
     */
    private void load(String url, String user, String password, int batchSize, int threads, boolean deferIndexes)
            throws Exception {
        List<String[]> deferred = new ArrayList<>();
        if (deferIndexes) {
            try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i "
                        + "WHERE i.schemaname = current_schema() AND i.tablename = ANY ('{"
                        + String.join(",", BULK_TABLES) + "}') AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                        + "WHERE k.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))) "
                        + "ORDER BY i.indexname")) {
                    while (rs.next()) {
                        deferred.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                for (String[] index : deferred) {
                    s.execute("DROP INDEX " + index[0]);
                }
                searchVectorsDeferred = deferSearchVectors(s);
                c.commit();
            }
            System.out.printf(Locale.ROOT, "deferred %d indexes until after the load: %s%n", deferred.size(),
                    String.join(", ", deferred.stream().map(i -> i[0]).toList()));
        }
        double seconds;
        try {
            seconds = load(url, user, password, batchSize, threads);
        } finally {
            if (!deferred.isEmpty()) {
                buildIndexes(url, user, password, deferred, threads);
            }
            if (searchVectorsDeferred) {
                fillSearchVectors(url, user, password, threads);
            }
        }
        if (deferIndexes) {
            seconds += indexSeconds;
            System.out.printf(Locale.ROOT, "LOADED_WITH_INDEXES documents=%d seconds=%.1f documents_per_second=%.0f (the documents' COPY and "
                    + "the deferred index builds)%n",
                    documents, seconds, documents / seconds);
        }
    }

    private static double indexSeconds;
    private static boolean searchVectorsDeferred;

    /** The triggers of migration V20 that compute each document's whole search vector as its rows are written. */
    private static final List<String> SEARCH_VECTOR_TRIGGERS = List.of("document.document_search_refresh_insert",
            "text.text_search_refresh_insert", "annotation.annotation_search_refresh_insert");

    /**
     * With V20 (archive.document_search, one search vector per document): its triggers would recompute a document's
     * vector after each COPY of its rows (the document, then its texts, then its annotations: three writes of each
     * vector). They are disabled for the load, with the vectors' GIN index, and {@link #fillSearchVectors} computes
     * every vector once afterwards, with the migration's own function, then builds the index. False before V20.
     */
    private static boolean deferSearchVectors(Statement s) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT to_regclass('archive.document_search') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        for (String trigger : SEARCH_VECTOR_TRIGGERS) {
            String[] t = trigger.split("\\.");
            s.execute("ALTER TABLE archive." + t[0] + " DISABLE TRIGGER " + t[1]);
        }
        s.execute("DROP INDEX IF EXISTS archive.document_search_vector_idx");
        return true;
    }

    /**
     * Enables V20's triggers again and computes the search vector of every document (INSERT ... SELECT, one share of
     * the documents per connection), then builds its GIN index; counted in the load's time with the index builds.
     */
    private static void fillSearchVectors(String url, String user, String password, int threads) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
            for (String trigger : SEARCH_VECTOR_TRIGGERS) {
                String[] t = trigger.split("\\.");
                s.execute("ALTER TABLE archive." + t[0] + " ENABLE TRIGGER " + t[1]);
            }
            c.commit();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int share = w;
            workers.add(pool.submit(() -> {
                try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO archive.document_search (document_id, vector) "
                            + "SELECT d.id, archive.fonds_document_search_vector(d.id) FROM archive.document d "
                            + "WHERE get_byte(uuid_send(d.id), 15) % " + threads + " = " + share
                            + " ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector");
                    c.commit();
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> w : workers) {
            w.get();
        }
        double vectors = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            s.execute("CREATE INDEX IF NOT EXISTS document_search_vector_idx ON archive.document_search USING gin (vector)");
            s.execute("ANALYZE archive.document_search");
            c.commit();
        }
        double index = (System.nanoTime() - t1) / 1e9;
        indexSeconds += vectors + index;
        System.out.printf(Locale.ROOT, "SEARCH_VECTORS seconds=%.1f (vectors %.1f s, GIN index %.1f s)%n",
                vectors + index, vectors, index);
    }

    /** Builds the deferred indexes, GIN first (the longest), on {@code threads} connections at once. */
    private static void buildIndexes(String url, String user, String password, List<String[]> indexes, int threads)
            throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.ConcurrentLinkedQueue<String[]> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(
                indexes.stream().sorted(java.util.Comparator.comparing((String[] i) -> !i[1].contains("USING gin")))
                        .toList());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
                    s.execute("SET maintenance_work_mem = '256MB'");
                    for (String[] index = queue.poll(); index != null; index = queue.poll()) {
                        long t = System.nanoTime();
                        s.execute(index[1]);
                        c.commit();
                        System.out.printf(Locale.ROOT, "index %s built in %.1f s%n", index[0],
                                (System.nanoTime() - t) / 1e9);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> w : workers) {
            w.get();
        }
        indexSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "INDEXED indexes=%d seconds=%.1f%n", indexes.size(), indexSeconds);
    }

    /** Loads the agents, places and documents; returns the seconds the documents took. */
    private double load(String url, String user, String password, int batchSize, int threads) throws Exception {
        int agentCount = this.agentCount > 0 ? this.agentCount : Math.max(500, Math.min(40_000, documents / 25));
        int placeCount = Math.max(50, Math.min(2_000, documents / 500));
        try (Connection c = connect(url, user, password)) {
            nameKey = nameKeyIfNeeded(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            Batch reference = new Batch();
            agents = new Agent[agentCount];
            for (int i = 0; i < agentCount; i++) {
                agents[i] = agent(reference);
            }
            places = new UUID[placeCount];
            for (int i = 0; i < placeCount; i++) {
                places[i] = place(reference, i);
            }
            copy(copy, reference);
            c.commit();
            System.out.printf(Locale.ROOT, "agents %d and places %d in %.1f s%n", agentCount, placeCount,
                    (System.nanoTime() - t0) / 1e9);
        }

        // Each worker generates a batch and copies it on its own connection, so generation and COPY overlap.
        int batches = (int) ((documents + (long) batchSize - 1) / batchSize);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong loaded = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong annotations = new java.util.concurrent.atomic.AtomicLong();
        long t1 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                try (Connection c = connect(url, user, password)) {
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (int k = next.getAndIncrement(); k < batches; k = next.getAndIncrement()) {
                        Batch b = batch(k, batchSize);
                        copy(copy, b);
                        c.commit();
                        long done = loaded.addAndGet(b.documents);
                        annotations.addAndGet(b.annotations);
                        if (k % Math.max(1, 50_000 / batchSize) == 0) {
                            System.out.printf(Locale.ROOT, "documents %d/%d, %.0f documents/s%n", done, documents,
                                    done / ((System.nanoTime() - t1) / 1e9));
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (java.util.concurrent.Future<?> w : workers) {
                w.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            throw e;
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "LOADED documents=%d annotations=%d seconds=%.1f documents_per_second=%.0f%n",
                loaded.get(), annotations.get(), seconds, loaded.get() / seconds);
        return seconds;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // a benchmark corpus can be regenerated: losing its last transactions in a crash is acceptable
            s.execute("SET synchronous_commit = off");
            // the tables themselves (migration V12 moved them to archive; COPY cannot write through the views)
            s.execute("SET search_path = archive, public");
        }
        return c;
    }

    private java.util.function.UnaryOperator<String> nameKeyIfNeeded(Connection c) throws Exception {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT 1 FROM information_schema.columns WHERE table_name = 'agent_name' AND column_name = 'match_key'")) {
            if (!rs.next()) {
                return null;
            }
        }
        java.lang.reflect.Method of = Class.forName("org.fonds.name.NameKey").getMethod("of", String.class);
        System.out.println("agent_name.match_key exists: filling it with org.fonds.name.NameKey.of");
        return name -> {
            try {
                return (String) of.invoke(null, name);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void copy(CopyManager copy, Batch b) throws SQLException, java.io.IOException {
        for (Map.Entry<String, Rows> t : b.tables.entrySet()) {
            Rows r = t.getValue();
            copy.copyIn("COPY " + t.getKey() + " FROM STDIN", new ByteArrayInputStream(r.buf, 0, r.length));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ids and COPY rows

    /** A time-ordered UUID in the version 7 layout: 48 bits of synthetic milliseconds, version, 12 bits of sequence. */
    private UUID id() {
        long n = idCounter++;
        long ms = EPOCH_MS + n / 64;
        long high = (ms << 16) | 0x7000L | ((n % 64) << 6) | (random.nextLong() & 0x3F);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private String now() {
        return TS.format(OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(EPOCH_MS + idCounter / 64),
                ZoneOffset.UTC));
    }

    /** One table's rows in COPY text format, encoded to UTF-8 as they are written. */
    static final class Rows {
        byte[] buf = new byte[1 << 20];
        int length;
        private boolean first = true;

        Rows v(Object value) {
            if (!first) {
                put('\t');
            }
            first = false;
            if (value == null) {
                put('\\');
                put('N');
                return this;
            }
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> { put('\\'); put('\\'); }
                    case '\t' -> { put('\\'); put('t'); }
                    case '\n' -> { put('\\'); put('n'); }
                    case '\r' -> { put('\\'); put('r'); }
                    default -> {
                        if (Character.isHighSurrogate(ch) && i + 1 < s.length()) {
                            int cp = Character.toCodePoint(ch, s.charAt(++i));
                            put(0xF0 | cp >> 18);
                            put(0x80 | (cp >> 12 & 0x3F));
                            put(0x80 | (cp >> 6 & 0x3F));
                            put(0x80 | (cp & 0x3F));
                        } else if (ch < 0x80) {
                            put(ch);
                        } else if (ch < 0x800) {
                            put(0xC0 | ch >> 6);
                            put(0x80 | (ch & 0x3F));
                        } else {
                            put(0xE0 | ch >> 12);
                            put(0x80 | (ch >> 6 & 0x3F));
                            put(0x80 | (ch & 0x3F));
                        }
                    }
                }
            }
            return this;
        }

        private void put(int b) {
            if (length == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[length++] = (byte) b;
        }

        void end() {
            put('\n');
            first = true;
        }
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String pgArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Agents and places

    private record Agent(UUID id, String latin, String cyrillic, String hangul) {
        /** The name as a text in {@code language} writes it. */
        String as(String language) {
            if (language.equals("ru") && cyrillic != null) {
                return cyrillic;
            }
            if (language.equals("ko") && hangul != null) {
                return hangul;
            }
            return latin;
        }
    }

    private Agent[] agents;
    private UUID[] places;

    private static final String AGENT_COPY = "agent (id, type, preferred_name, existence_edtf, existence_earliest, "
            + "existence_latest, note, created_at, updated_at, version)";
    private static final String AGENT_NAME_COPY = "agent_name (id, agent_id, position, value, language, "
            + "transliteration, preferred)";

    private Agent agent(Batch b) {
        UUID id = id();
        String ts = now();
        double kind = random.nextDouble();
        List<String[]> names = new ArrayList<>(); // value, language, transliteration
        String latin;
        String cyrillic = null;
        String hangul = null;
        String type = "PERSON";
        if (kind < 0.40) {
            String surname = pick(RU_SURNAMES);
            String first = pick(RU_FIRST);
            String patronymic = pick(RU_PATRONYMICS);
            cyrillic = first + " " + patronymic + " " + surname;
            latin = translit(surname) + ", " + translit(first) + " " + translit(patronymic);
            names.add(new String[] {latin, "ru-Latn", "LIBRARY_OF_CONGRESS"});
            names.add(new String[] {cyrillic, "ru", null});
            names.add(new String[] {surname + " " + first.charAt(0) + ". " + patronymic.charAt(0) + ".", "ru", null});
        } else if (kind < 0.70) {
            int s = random.nextInt(KO_SURNAMES.length);
            int g1 = random.nextInt(KO_SYLLABLES.length);
            int g2 = random.nextInt(KO_SYLLABLES.length);
            hangul = KO_SURNAMES[s][0] + KO_SYLLABLES[g1][0] + KO_SYLLABLES[g2][0];
            String rr = KO_SURNAMES[s][1] + " " + cap(KO_SYLLABLES[g1][1]) + "-" + KO_SYLLABLES[g2][1];
            String mr = KO_SURNAMES[s][2] + " " + cap(KO_SYLLABLES[g1][2]) + "-" + KO_SYLLABLES[g2][2];
            latin = rr;
            names.add(new String[] {rr, "ko-Latn", "REVISED_ROMANIZATION"});
            names.add(new String[] {hangul, "ko", null});
            names.add(new String[] {mr, "ko-Latn", "MCCUNE_REISCHAUER"});
            names.add(new String[] {KO_SURNAMES[s][2] + " " + cap(KO_SYLLABLES[g1][2].replace("ŏ", "o")
                    .replace("ŭ", "u")) + " " + cap(KO_SYLLABLES[g2][2].replace("ŏ", "o").replace("ŭ", "u")),
                    "en", "OTHER"});
        } else if (kind < 0.95) {
            String first = pick(EN_FIRST);
            String last = pick(EN_LAST);
            latin = first + " " + (char) ('A' + random.nextInt(26)) + ". " + last;
            names.add(new String[] {latin, "en", null});
            if (chance(0.5)) {
                cyrillic = cyrillicOf(first) + " " + cyrillicOf(last);
                names.add(new String[] {cyrillic, "ru", null});
            }
        } else {
            type = chance(0.5) ? "ORGANISATION" : "OFFICE";
            String[] org = pick(ORGANISATIONS);
            latin = org[0] + (chance(0.5) ? "" : " (" + pick(EN_LAST) + " section)");
            cyrillic = org[1];
            names.add(new String[] {latin, "en", null});
            names.add(new String[] {cyrillic, "ru", null});
        }
        int born = 1880 + random.nextInt(50);
        String existence = type.equals("PERSON") ? born + "/" + (born + 40 + random.nextInt(45)) : null;
        EdtfDate e = existence == null ? null : Edtf.parse(existence);
        b.table(AGENT_COPY).v(id).v(type).v(latin).v(existence).v(e == null ? null : e.earliest())
                .v(e == null ? null : e.latest()).v(null).v(ts).v(ts).v(0).end();
        for (int i = 0; i < names.size(); i++) {
            String[] n = names.get(i);
            name(b.table(nameKey == null ? AGENT_NAME_COPY : AGENT_NAME_COPY.replace(")", ", match_key)")), id, i,
                    n[0], n[1], n[2]);
        }
        return new Agent(id, latin, cyrillic, hangul);
    }

    private UUID place(Batch b, int index) {
        UUID id = id();
        String ts = now();
        String[] p = PLACES[index % PLACES.length];
        String suffix = index >= PLACES.length ? " " + (1 + index / PLACES.length) : "";
        double lat = 30 + random.nextDouble() * 30;
        double lon = 30 + random.nextDouble() * 100;
        b.table("place (id, preferred_name, latitude, longitude, created_at, updated_at, version)")
                .v(id).v(p[0] + suffix).v(lat).v(lon).v(ts).v(ts).v(0).end();
        String names = "place_name (id, place_id, position, value, language, transliteration, preferred"
                + (nameKey == null ? ")" : ", match_key)");
        name(b.table(names), id, 0, p[0] + suffix, "en", null);
        name(b.table(names), id, 1, p[1] + suffix, p[2], null);
        return id;
    }

    private void name(Rows rows, UUID owner, int position, String value, String language, String transliteration) {
        rows.v(id()).v(owner).v(position).v(value).v(language).v(transliteration).v(position == 0 ? "t" : "f");
        if (nameKey != null) {
            rows.v(nameKey.apply(value));
        }
        rows.end();
    }

    private Agent someAgent() {
        // skewed: a few agents take part in many documents, most in a few
        double u = random.nextDouble();
        return agents[(int) (u * u * agents.length)];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Documents

    private static final String DOCUMENT_COPY = "document (id, kind, title, summary, date_edtf, date_earliest, "
            + "date_latest, reference_numbers, classification, handling, languages, place_of_origin_id, credits, "
            + "visibility, embargo_until, created_at, updated_at, version)";
    private static final String TEXT_COPY = "text (id, document_id, role, language, translator_name, sections, "
            + "content, fixity_sha256, created_at, updated_at, version)";
    private static final String PARTICIPANT_COPY = "participant (id, document_id, agent_id, role, position, "
            + "name_as_written, office, copy_number, version)";
    private static final String ANNOTATION_COPY = "annotation (id, document_id, type, body, agent_id, date_edtf, "
            + "date_earliest, date_latest, created_at, updated_at, version)";
    private static final String TARGET_COPY = "annotation_target (id, annotation_id, position, text_id, "
            + "start_offset, end_offset, exact, prefix, suffix, status, page, line_start, line_end, margin)";

    /** A span of a paragraph: its offsets in the paragraph and, when it names one, the agent or the date. */
    private record Span(int paragraph, int start, int end, Agent agent, String date) {
    }

    /** A text being written: its paragraphs, the spans worth annotating, then its layout. */
    private static final class TextBuilder {
        final List<String> paragraphs = new ArrayList<>();
        final List<Span> words = new ArrayList<>();
        final List<Span> mentions = new ArrayList<>();
        final List<Integer> glossary = new ArrayList<>();
        StringBuilder current;

        void startParagraph() {
            if (current != null) {
                paragraphs.add(current.toString());
            }
            current = new StringBuilder();
        }

        void finish() {
            paragraphs.add(current.toString());
            current = null;
        }

        Span append(String s, Agent agent, String date) {
            int start = current.length();
            current.append(s);
            return new Span(paragraphs.size(), start, current.length(), agent, date);
        }
    }

    private void document(Batch b) {
        UUID id = id();
        String ts = now();
        b.documents++;
        String kind = pick(KINDS);
        boolean russian = chance(0.55);
        boolean korean = !russian && chance(0.2);
        String original = russian ? "ru" : korean ? "ko" : "en";
        Agent sender = someAgent();
        Agent recipient = someAgent();

        int year = 1945 + random.nextInt(16);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(LocalDate.of(year, month, 1).lengthOfMonth());
        String edtf = edtf(year, month, day);
        EdtfDate date = edtf == null ? null : Edtf.parse(edtf);
        String dateWords = day + " " + EN_MONTHS[month - 1] + " " + year;

        // the English text (a translation when the original is Russian), sentences from the glossary
        TextBuilder en = new TextBuilder();
        TextBuilder ru = russian ? new TextBuilder() : null;
        int paragraphs = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            en.startParagraph();
            if (ru != null) {
                ru.startParagraph();
            }
            if (p == 0) {
                en.append("On ", null, null);
                en.mentions.add(en.append(dateWords, null, year + "-" + two(month) + "-" + two(day)));
                en.append(" I met with ", null, null);
                en.mentions.add(en.append(recipient.latin, recipient, null));
                en.append(". ", null, null);
                if (ru != null) {
                    ru.append(day + " " + RU_MONTHS_GENITIVE[month - 1] + " " + year + " г. я встретился с ", null,
                            null);
                    ru.mentions.add(ru.append(recipient.as("ru"), recipient, null));
                    ru.append(". ", null, null);
                }
                // words for the search benchmark: a rare one (0.1 % of documents) and a phrase in 1 %
                double r = random.nextDouble();
                if (r < 0.001) {
                    en.append("One trawler and one large subchaser were sighted. ", null, null);
                    if (ru != null) {
                        ru.append("Замечены один траулер и один большой охотник. ", null, null);
                    }
                } else if (r < 0.011) {
                    en.append("The troops crossed the 38th parallel. ", null, null);
                    if (ru != null) {
                        ru.append("Войска перешли 38-ю параллель. ", null, null);
                    }
                }
            }
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                int words = 6 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    int g = random.nextInt(GLOSSARY.length);
                    String enWord = w == 0 ? cap(GLOSSARY[g][0]) : GLOSSARY[g][0];
                    String ruWord = w == 0 ? cap(GLOSSARY[g][1]) : GLOSSARY[g][1];
                    Span span = en.append(enWord, null, null);
                    en.words.add(span);
                    en.glossary.add(g);
                    if (ru != null) {
                        ru.words.add(ru.append(ruWord, null, null));
                        ru.glossary.add(g);
                    }
                    boolean lineBreak = w > 0 && w % 9 == 0;
                    String sep = w == words - 1 ? (s == sentences - 1 ? "." : ". ") : (lineBreak ? "\n" : " ");
                    en.append(sep, null, null);
                    if (ru != null) {
                        ru.append(sep, null, null);
                    }
                }
            }
        }
        en.finish();
        if (ru != null) {
            ru.finish();
        }

        String title = titleOf(kind, sender, recipient, dateWords);
        String summary = chance(0.8) ? sender.latin + " reports to " + recipient.latin + " on "
                + GLOSSARY[random.nextInt(GLOSSARY.length)][0] + " and "
                + GLOSSARY[random.nextInt(GLOSSARY.length)][0] + "." : null;
        List<String> languages = russian ? List.of("ru") : List.of(original);
        List<String> references = List.of(String.valueOf(100 + random.nextInt(900)) + "-"
                + (1000 + random.nextInt(9000)));
        // as in a real archive: nearly all published; a few drafts in progress, embargoes (about half of them
        // lapsed) and restricted records
        double v = random.nextDouble();
        String visibility = v < 0.94 ? "PUBLISHED" : v < 0.97 ? "DRAFT" : v < 0.99 ? "EMBARGOED" : "RESTRICTED";
        java.time.LocalDate embargoUntil = visibility.equals("EMBARGOED")
                ? java.time.LocalDate.now().plusDays(random.nextInt(-3650, 3650)) : null;
        b.table(DOCUMENT_COPY).v(id).v(kind).v(title).v(summary).v(edtf).v(date == null ? null : date.earliest())
                .v(date == null ? null : date.latest()).v(pgArray(references))
                .v(chance(0.4) ? pick(CLASSIFICATIONS) : null).v(null).v(pgArray(languages))
                .v(chance(0.7) ? places[random.nextInt(places.length)] : null).v("[]").v(visibility).v(embargoUntil)
                .v(ts).v(ts).v(0).end();

        UUID ruId = null;
        Paragraphs.Layout ruContent = null;
        if (ru != null) {
            ruId = id();
            ruContent = text(b, ruId, id, "ORIGINAL", "ru", null, ru, ts);
        }
        UUID enId = id();
        boolean translation = ru != null || korean;
        Paragraphs.Layout enContent = text(b, enId, id, translation ? "TRANSLATION" : "ORIGINAL", "en",
                translation ? pick(EN_FIRST) + " " + pick(EN_LAST) : null, en, ts);

        // participants
        int position = 0;
        participant(b, id, sender, chance(0.8) ? "SENDER" : "AUTHOR", position++, original);
        participant(b, id, recipient, "RECIPIENT", position++, original);
        int copies = random.nextInt(3);
        for (int i = 0; i < copies; i++) {
            Agent a = someAgent();
            b.table(PARTICIPANT_COPY).v(id()).v(id).v(a.id).v("COPY_RECIPIENT").v(position++).v(a.as(original))
                    .v(null).v(String.valueOf(i + 1)).v(0).end();
        }

        // annotations, anchored to the texts
        Span dateSpan = en.mentions.get(0);
        annotation(b, id, "MENTION", "{\"mention\":{\"nameAsWritten\":" + json(dateWords) + "}}", null,
                dateSpan.date, enId, enContent, dateSpan, null, ts);
        Span agentSpan = en.mentions.get(1);
        annotation(b, id, "MENTION", "{\"mention\":{\"nameAsWritten\":" + json(agentSpan.agent.latin) + "}}",
                agentSpan.agent.id, null, enId, enContent, agentSpan, null, ts);
        if (ru != null) {
            int terms = 1 + random.nextInt(3);
            for (int i = 0; i < terms; i++) {
                int w = random.nextInt(en.words.size());
                String[] g = GLOSSARY[en.glossary.get(w)];
                annotation(b, id, "FOREIGN_TERM", "{\"foreignTerm\":{\"term\":" + json(translit(g[1]))
                        + ",\"language\":\"ru-Latn\",\"scriptForm\":" + json(g[1]) + "}}", null, null, enId,
                        enContent, en.words.get(w), null, ts);
            }
            if (chance(0.5)) {
                int w = random.nextInt(ru.words.size() - 1);
                Span a = ru.words.get(w);
                Span z = ru.words.get(w + 1);
                Span span = a.paragraph == z.paragraph ? new Span(a.paragraph, a.start, z.end, null, null) : a;
                int line = 1 + random.nextInt(20);
                annotation(b, id, "MARGINALIA", chance(0.5)
                        ? "{\"marginalia\":{\"kind\":\"CIRCLING\",\"position\":\"OVER_TEXT\",\"offPage\":false}}"
                        : "{\"marginalia\":{\"kind\":\"COMMENT\",\"transcription\":{\"text\":"
                                + json(pick(MARGIN_COMMENTS)) + "},\"position\":\"LEFT\",\"medium\":\"pencil\","
                                + "\"legibility\":\"PARTLY_LEGIBLE\",\"offPage\":false,\"connector\":\"LINE\"}}",
                        null, null, ruId, ruContent, span, new int[] {line, line + random.nextInt(3)}, ts);
            }
        }
        if (chance(0.6)) {
            Span w = en.words.get(random.nextInt(en.words.size()));
            annotation(b, id, "TRANSLATOR_NOTE", "{\"text\":" + json(pick(TRANSLATOR_NOTES)) + "}", null, null, enId,
                    enContent, w, null, ts);
        }
    }

    private Paragraphs.Layout text(Batch b, UUID textId, UUID documentId, String role, String language,
            String translator, TextBuilder t, String ts) {
        Paragraphs.Layout layout = Paragraphs.layout(List.of(new Section(null, t.paragraphs)));
        StringBuilder sections = new StringBuilder("[{\"heading\":null,\"paragraphs\":[");
        for (int i = 0; i < t.paragraphs.size(); i++) {
            if (i > 0) {
                sections.append(',');
            }
            sections.append(json(t.paragraphs.get(i)));
        }
        sections.append("]}]");
        b.table(TEXT_COPY).v(textId).v(documentId).v(role).v(language).v(translator).v(sections)
                .v(layout.content()).v(fixity(documentId, role, language, translator, t.paragraphs, layout.content()))
                .v(ts).v(ts).v(0).end();
        return layout;
    }

    /** The text's fixity digest, as the API records it on every write (so that no start has any to backfill). */
    private static String fixity(UUID documentId, String role, String language, String translator,
            List<String> paragraphs, String content) {
        Text text = new Text();
        text.documentId = documentId;
        text.role = TextRole.valueOf(role);
        text.language = language;
        text.translatorName = translator;
        text.sections = List.of(new Section(null, paragraphs));
        text.content = content;
        return Fixity.sha256(TextService.canonicalFields(text));
    }

    private void participant(Batch b, UUID documentId, Agent agent, String role, int position, String language) {
        b.table(PARTICIPANT_COPY).v(id()).v(documentId).v(agent.id).v(role).v(position).v(agent.as(language))
                .v(chance(0.3) ? pick(OFFICES) : null).v(null).v(0).end();
    }

    private void annotation(Batch b, UUID documentId, String type, String body, UUID agentId, String dateEdtf,
            UUID textId, Paragraphs.Layout layout, Span span, int[] lines, String ts) {
        String content = layout.content();
        UUID id = id();
        b.annotations++;
        EdtfDate d = dateEdtf == null ? null : Edtf.parse(dateEdtf);
        b.table(ANNOTATION_COPY).v(id).v(documentId).v(type).v(body).v(agentId).v(dateEdtf)
                .v(d == null ? null : d.earliest()).v(d == null ? null : d.latest()).v(ts).v(ts).v(0).end();
        int start = layout.paragraphs().get(span.paragraph).start() + span.start;
        int end = layout.paragraphs().get(span.paragraph).start() + span.end;
        String prefix = content.substring(Math.max(0, start - 32), start);
        String suffix = content.substring(end, Math.min(content.length(), end + 32));
        b.table(TARGET_COPY).v(id()).v(id).v(0).v(textId).v(start).v(end).v(content.substring(start, end))
                .v(prefix).v(suffix).v("ANCHORED").v(lines == null ? null : 1).v(lines == null ? null : lines[0])
                .v(lines == null ? null : lines[1]).v(lines == null ? null : "LEFT").end();
    }

    /** A document date as archives give them: mostly exact days, some months, uncertain, approximate, ranges. */
    private String edtf(int year, int month, int day) {
        double u = random.nextDouble();
        String ym = year + "-" + two(month);
        String ymd = ym + "-" + two(day);
        if (u < 0.55) {
            return ymd;
        } else if (u < 0.67) {
            return ym;
        } else if (u < 0.74) {
            return ym + "?";
        } else if (u < 0.79) {
            return ym + "~";
        } else if (u < 0.83) {
            return ymd + "?";
        } else if (u < 0.86) {
            return String.valueOf(year);
        } else if (u < 0.94) {
            LocalDate from = LocalDate.of(year, month, day);
            return from + "/" + from.plusDays(1 + random.nextInt(60));
        } else if (u < 0.96) {
            return ymd + "/..";
        } else if (u < 0.98) {
            return "../" + ym;
        }
        return null;
    }

    private String titleOf(String kind, Agent sender, Agent recipient, String dateWords) {
        return switch (kind) {
            case "CABLE" -> "Cable from " + sender.latin + " to " + recipient.latin + ", " + dateWords;
            case "LETTER" -> "Letter from " + sender.latin + " to " + recipient.latin;
            case "RECORD_OF_CONVERSATION" -> "Record of conversation between " + sender.latin + " and "
                    + recipient.latin;
            case "MEMORANDUM" -> "Memorandum on " + GLOSSARY[random.nextInt(GLOSSARY.length)][0] + " by "
                    + sender.latin;
            case "MINUTES" -> "Minutes of the meeting of " + dateWords;
            case "DIARY" -> "Diary of " + sender.latin + ", " + dateWords;
            default -> cap(kind.toLowerCase(Locale.ROOT)) + " by " + sender.latin + " on "
                    + GLOSSARY[random.nextInt(GLOSSARY.length)][0];
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Word lists

    static String translit(String cyrillic) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cyrillic.length(); i++) {
            char ch = cyrillic.charAt(i);
            char lower = Character.toLowerCase(ch);
            int k = RU_ALPHABET.indexOf(lower);
            if (k < 0) {
                b.append(ch);
                continue;
            }
            String t = RU_LATIN[k];
            b.append(ch != lower && !t.isEmpty() ? cap(t) : t);
        }
        return b.toString();
    }

    private static String cyrillicOf(String latin) {
        StringBuilder b = new StringBuilder();
        String l = latin.toLowerCase(Locale.ROOT);
        for (int i = 0; i < l.length(); i++) {
            int k = "abcdefghijklmnopqrstuvwxyz".indexOf(l.charAt(i));
            String c = k < 0 ? String.valueOf(l.charAt(i)) : LATIN_CYRILLIC[k];
            b.append(i == 0 ? cap(c) : c);
        }
        return b.toString();
    }

    private static final String RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] RU_LATIN = {"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "ĭ", "k", "l", "m",
        "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ʺ", "y", "ʹ", "ė", "iu", "ia"};
    private static final String[] LATIN_CYRILLIC = {"а", "б", "к", "д", "е", "ф", "г", "х", "и", "дж", "к", "л", "м",
        "н", "о", "п", "к", "р", "с", "т", "у", "в", "у", "кс", "й", "з"};

    private static final String[] KINDS = {"CABLE", "CABLE", "CABLE", "LETTER", "LETTER", "MEMORANDUM",
        "RECORD_OF_CONVERSATION", "RECORD_OF_CONVERSATION", "REPORT", "REPORT", "MINUTES", "DIARY", "ARTICLE",
        "OTHER"};
    private static final String[] CLASSIFICATIONS = {"Top Secret", "Secret", "Confidential", "Совершенно секретно",
        "Секретно"};
    private static final String[] OFFICES = {"Ambassador", "Minister of Foreign Affairs", "Chairman", "Counsellor",
        "Military attaché", "First Secretary", "Chief of Staff"};
    private static final String[] EN_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] RU_MONTHS_GENITIVE = {"января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря"};

    private static final String[] RU_SURNAMES = {"Штыков", "Вышинский", "Молотов", "Громыко", "Малик", "Зорин",
        "Терентьев", "Суздалев", "Игнатьев", "Лебедев", "Васильев", "Разуваев", "Ванеев", "Тункин", "Федоренко",
        "Кузнецов", "Попов", "Соколов", "Михайлов", "Новиков", "Морозов", "Волков", "Алексеев", "Павлов", "Семенов",
        "Голубев", "Виноградов", "Богданов", "Воробьев", "Фёдоров", "Макаров", "Захаров", "Зайцев", "Соловьев",
        "Борисов", "Яковлев", "Григорьев", "Романов", "Воронин", "Степанов", "Орлов", "Киселев", "Ильин",
        "Максимов", "Поляков", "Сорокин", "Виноградский", "Ковалев", "Белов", "Медведев", "Антонов", "Тарасов",
        "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Щербаков"};
    private static final String[] RU_FIRST = {"Терентий", "Андрей", "Вячеслав", "Николай", "Иван", "Пётр",
        "Сергей", "Алексей", "Михаил", "Григорий", "Василий", "Дмитрий", "Константин", "Георгий", "Фёдор", "Юрий",
        "Борис", "Владимир", "Анатолий", "Павел", "Яков", "Леонид", "Евгений", "Александр", "Илья", "Семён",
        "Аркадий", "Виктор", "Олег", "Тимофей"};
    private static final String[] RU_PATRONYMICS = {"Фомич", "Януарьевич", "Михайлович", "Андреевич", "Иванович",
        "Петрович", "Сергеевич", "Алексеевич", "Николаевич", "Григорьевич", "Васильевич", "Дмитриевич",
        "Константинович", "Георгиевич", "Фёдорович", "Борисович", "Владимирович", "Павлович", "Яковлевич",
        "Евгеньевич"};
    private static final String[][] KO_SURNAMES = {{"김", "Kim", "Kim"}, {"이", "Yi", "Yi"}, {"박", "Pak", "Pak"},
        {"최", "Choe", "Ch'oe"}, {"정", "Jeong", "Chŏng"}, {"강", "Kang", "Kang"}, {"조", "Jo", "Cho"},
        {"윤", "Yun", "Yun"}, {"장", "Jang", "Chang"}, {"임", "Im", "Im"}, {"한", "Han", "Han"}, {"오", "O", "O"},
        {"서", "Seo", "Sŏ"}, {"신", "Sin", "Sin"}, {"권", "Gwon", "Kwŏn"}, {"황", "Hwang", "Hwang"},
        {"안", "An", "An"}, {"송", "Song", "Song"}, {"류", "Ryu", "Ryu"}, {"홍", "Hong", "Hong"},
        {"허", "Heo", "Hŏ"}, {"남", "Nam", "Nam"}};
    private static final String[][] KO_SYLLABLES = {{"일", "il", "il"}, {"성", "seong", "sŏng"},
        {"영", "yeong", "yŏng"}, {"철", "cheol", "ch'ŏl"}, {"수", "su", "su"}, {"민", "min", "min"},
        {"호", "ho", "ho"}, {"진", "jin", "chin"}, {"현", "hyeon", "hyŏn"}, {"우", "u", "u"},
        {"동", "dong", "tong"}, {"준", "jun", "chun"}, {"광", "gwang", "kwang"}, {"남", "nam", "nam"},
        {"용", "yong", "yong"}, {"희", "hui", "hŭi"}, {"석", "seok", "sŏk"}, {"택", "taek", "t'aek"},
        {"국", "guk", "kuk"}, {"봉", "bong", "pong"}, {"헌", "heon", "hŏn"}, {"두", "du", "tu"},
        {"봉", "bong", "pong"}, {"창", "chang", "ch'ang"}, {"익", "ik", "ik"}};
    private static final String[] EN_FIRST = {"John", "William", "Dean", "George", "Harry", "Robert", "James",
        "Charles", "Edward", "Walter", "Henry", "Joseph", "Frank", "Richard", "Thomas", "Arthur", "Margaret",
        "Elizabeth", "Dorothy", "Helen", "Ruth", "Alice"};
    private static final String[] EN_LAST = {"Acheson", "Muccio", "Rusk", "Dulles", "Kennan", "Bohlen", "Harriman",
        "Smith", "Jones", "Brown", "Taylor", "Wilson", "Clark", "Hodge", "Jessup", "Allison", "Drumright",
        "Merchant", "Bradley", "Collins", "Webb", "Austin", "Gross", "Lie", "Bevin", "Attlee", "Franks"};
    private static final String[][] ORGANISATIONS = {{"Politburo of the CC VKP(b)", "Политбюро ЦК ВКП(б)"},
        {"Ministry of Foreign Affairs of the USSR", "МИД СССР"}, {"Soviet Embassy in Pyongyang",
            "Посольство СССР в Пхеньяне"}, {"General Staff of the Soviet Army", "Генеральный штаб Советской Армии"},
        {"Department of State", "Государственный департамент"}, {"Workers' Party of Korea", "Трудовая партия Кореи"},
        {"United Nations Commission on Korea", "Комиссия ООН по Корее"}};
    private static final String[][] PLACES = {{"Moscow", "Москва", "ru"}, {"Pyongyang", "평양", "ko"},
        {"Seoul", "서울", "ko"}, {"Beijing", "北京", "zh"}, {"Washington", "Вашингтон", "ru"},
        {"Tokyo", "東京", "ja"}, {"Vladivostok", "Владивосток", "ru"}, {"Kaesong", "개성", "ko"},
        {"Wonsan", "원산", "ko"}, {"Harbin", "哈尔滨", "zh"}, {"Port Arthur", "Порт-Артур", "ru"},
        {"Dalian", "大连", "zh"}, {"Khabarovsk", "Хабаровск", "ru"}, {"Leningrad", "Ленинград", "ru"},
        {"Busan", "부산", "ko"}, {"Incheon", "인천", "ko"}};
    private static final String[] MARGIN_COMMENTS = {"agree", "what is this?", "to Comrade Molotov", "согласен",
        "ознакомиться", "копия т. Сталину", "not sent", "обсудить"};
    private static final String[] TRANSLATOR_NOTES = {"the words are circled in the original",
        "one word illegible in the original", "literally: the northerners", "underlined in pencil",
        "the original has a blank here", "handwritten in the original"};

    /** English word, Russian word: parallel texts and foreign-term annotations. */
    static final String[][] GLOSSARY = {{"attack", "наступление"}, {"army", "армия"}, {"government", "правительство"},
        {"party", "партия"}, {"committee", "комитет"}, {"meeting", "встреча"}, {"proposal", "предложение"},
        {"agreement", "соглашение"}, {"question", "вопрос"}, {"decision", "решение"}, {"situation", "положение"},
        {"people", "народ"}, {"comrade", "товарищ"}, {"border", "граница"}, {"troops", "войска"},
        {"weapons", "оружие"}, {"assistance", "помощь"}, {"delegation", "делегация"}, {"negotiations", "переговоры"},
        {"plan", "план"}, {"command", "командование"}, {"ambassador", "посол"}, {"minister", "министр"},
        {"telegram", "телеграмма"}, {"report", "доклад"}, {"opinion", "мнение"}, {"conversation", "беседа"},
        {"ship", "корабль"}, {"trawler", "траулер"}, {"port", "порт"}, {"railway", "железная дорога"},
        {"factory", "завод"}, {"grain", "зерно"}, {"harvest", "урожай"}, {"election", "выборы"},
        {"congress", "съезд"}, {"leadership", "руководство"}, {"south", "юг"}, {"north", "север"},
        {"peninsula", "полуостров"}, {"friends", "друзья"}, {"enemy", "противник"}, {"intelligence", "разведка"},
        {"division", "дивизия"}, {"regiment", "полк"}, {"supply", "снабжение"}, {"fuel", "горючее"},
        {"ammunition", "боеприпасы"}, {"aviation", "авиация"}, {"navy", "флот"}, {"the", "этот"}, {"and", "и"},
        {"of", "о"}, {"with", "с"}, {"agreed", "согласился"}, {"asked", "просил"}, {"reported", "сообщил"},
        {"considers", "считает"}, {"necessary", "необходимо"}, {"immediately", "немедленно"},
        {"secret", "секретный"}, {"important", "важный"}, {"new", "новый"}, {"large", "большой"},
        {"soviet", "советский"}, {"korean", "корейский"}, {"chinese", "китайский"}, {"american", "американский"}};
}
