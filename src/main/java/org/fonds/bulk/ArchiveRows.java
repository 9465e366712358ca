package org.fonds.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fonds.agent.AgentView;
import org.fonds.annotation.AnnotationBody;
import org.fonds.annotation.AnnotationView;
import org.fonds.annotation.TargetView;
import org.fonds.collection.CollectionView;
import org.fonds.document.DocumentView;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.link.LinkView;
import org.fonds.media.MediaView;
import org.fonds.name.NameKey;
import org.fonds.name.NameVariant;
import org.fonds.participant.ParticipantView;
import org.fonds.place.PlaceView;
import org.fonds.subject.SubjectView;
import org.fonds.text.TextView;
import org.hibernate.Session;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Writes resources as they were exported, ids, versions and timestamps included, as rows: INSERTs through the public
 * views (their triggers copy a document's visibility onto its parts and fill the search columns), one statement per
 * table and resource (its columns as text arrays, unnested into rows), in the caller's transaction. Not the services:
 * they would give new ids, versions and timestamps and record revisions.
 *
 * <p>Each resource's mapping names its columns: a column added to a table, and to its view record, needs one line
 * here (the NDJSON round trip test fails while it is missing). Columns the database derives are not written:
 * {@code search_*}, a link's copies {@code doc_*} and {@code target_*}, and {@code owner_deleted}; the other parts'
 * copies {@code doc_*} are given, and checked by the database (V29); the days an EDTF date denotes are derived as the
 * services derive them.
 */
@ApplicationScoped
public class ArchiveRows {

    /**
     * How Hibernate stores the jsonb columns (its JacksonJsonFormatMapper: defaults plus the modules found), so that
     * what is written reads back as a row the entities wrote.
     */
    private static final ObjectMapper ENTITIES = new ObjectMapper().findAndRegisterModules();
    private static final ObjectWriter STORED = ENTITIES.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final EntityManager em;

    public ArchiveRows(EntityManager em) {
        this.em = em;
    }

    public String agent(AgentView a) {
        pending.remove();
        EdtfDate existence = edtf(a.existence());
        insert("agent", List.of(row().put("id", a.id()).put("type", a.type()).put("preferred_name", a.preferredName())
                .put("existence_edtf", a.existence()).put("existence_earliest", earliest(existence))
                .put("existence_latest", latest(existence)).json("offices", a.offices())
                .json("identifiers", a.identifiers()).put("note", a.note()).timestamps(a.createdAt(), a.updatedAt())
                .put("version", a.version())));
        insert("agent_name", names("agent_id", a.id(), a.names()));
        return execute("/agents/" + a.id());
    }

    public String place(PlaceView p) {
        pending.remove();
        insert("place", List.of(row().put("id", p.id()).put("preferred_name", p.preferredName())
                .put("latitude", p.latitude()).put("longitude", p.longitude()).json("identifiers", p.identifiers())
                .put("note", p.note()).timestamps(p.createdAt(), p.updatedAt()).put("version", p.version())));
        insert("place_name", names("place_id", p.id(), p.names()));
        return execute("/places/" + p.id());
    }

    public String subject(SubjectView s) {
        pending.remove();
        insert("subject", List.of(row().put("id", s.id()).put("label", s.label()).put("scheme", s.scheme())
                .put("uri", s.uri()).timestamps(s.createdAt(), s.updatedAt()).put("version", s.version())));
        return execute("/subjects/" + s.id());
    }

    public String collection(CollectionView c) {
        pending.remove();
        insert("collection", List.of(row().put("id", c.id()).put("title", c.title())
                .put("description", c.description()).timestamps(c.createdAt(), c.updatedAt())
                .put("version", c.version())));
        return execute("/collections/" + c.id());
    }

    /**
     * The document with everything it embeds, except its links to other documents when {@code withTargetLinks} is
     * false (written later with {@link #link}: their targets may not be there yet).
     */
    public String document(DocumentView d, boolean withTargetLinks) {
        pending.remove();
        EdtfDate date = edtf(d.date());
        insert("document", List.of(row().put("id", d.id()).put("kind", d.kind())
                .put("kind_as_written", d.kindAsWritten()).put("title", d.title())
                .put("summary", d.summary()).put("reference_numbers", d.referenceNumbers())
                .put("classification", d.classification()).put("handling", d.handling())
                .put("languages", d.languages()).put("date_edtf", d.date()).put("date_earliest", earliest(date))
                .put("date_latest", latest(date)).put("dispatched_edtf", d.dispatched())
                .put("place_of_origin_id", d.placeOfOriginId()).json("source", d.source()).put("rights", d.rights())
                .json("credits", d.credits()).put("visibility", d.visibility())
                .put("embargo_until", d.embargoUntil()).timestamps(d.createdAt(), d.updatedAt())
                .put("version", d.version())));
        insert("document_subject", d.subjectIds().stream()
                .map(id -> row().put("document_id", d.id()).put("subject_id", id).copies(d)).toList());
        insert("document_collection", d.collectionIds().stream()
                .map(id -> row().put("document_id", d.id()).put("collection_id", id).copies(d)).toList());
        insert("text", orEmpty(d.texts()).stream().map(t -> text(t).copies(d)).toList());
        insert("participant", orEmpty(d.participants()).stream().map(p -> participant(p).copies(d)).toList());
        insert("document_link", orEmpty(d.links()).stream()
                .filter(l -> withTargetLinks || l.targetDocumentId() == null).map(ArchiveRows::linkRow).toList());
        insert("media", orEmpty(d.media()).stream().map(m -> media(m).copies(d)).toList());
        List<AnnotationView> annotations = orEmpty(d.annotations());
        insert("annotation", annotations.stream().map(a -> annotation(a).copies(d)).toList());
        List<Row> targets = new ArrayList<>();
        for (AnnotationView a : annotations) {
            for (int i = 0; i < a.targets().size(); i++) {
                targets.add(target(a.id(), i, a.targets().get(i)));
            }
        }
        insert("annotation_target", targets);
        return execute("/documents/" + d.id());
    }

    /** A link of a document written before. */
    public String link(LinkView l) {
        pending.remove();
        insert("document_link", List.of(linkRow(l)));
        return execute("/documents/" + l.documentId() + "/links/" + l.id());
    }

    private static Row text(TextView t) {
        return row().put("id", t.id()).put("document_id", t.documentId()).put("role", t.role())
                .put("language", t.language()).put("translator_name", t.translatorName())
                .put("translator_agent_id", t.translatorAgentId()).json("sections", t.sections())
                .put("content", t.content()).put("fixity_sha256", t.fixitySha256())
                .timestamps(t.createdAt(), t.updatedAt()).put("version", t.version());
    }

    private static Row participant(ParticipantView p) {
        EdtfDate date = edtf(p.date());
        return row().put("id", p.id()).put("document_id", p.documentId()).put("agent_id", p.agentId())
                .put("role", p.role()).put("position", p.position()).put("name_as_written", p.nameAsWritten())
                .put("office", p.office()).put("copy_number", p.copyNumber()).put("place_id", p.placeId())
                .put("date_edtf", p.date()).put("date_earliest", earliest(date)).put("date_latest", latest(date))
                .put("supplied", p.supplied()).put("version", p.version());
    }

    private static Row linkRow(LinkView l) {
        return row().put("id", l.id()).put("document_id", l.documentId()).put("type", l.type())
                .put("target_document_id", l.targetDocumentId()).put("reference_as_written", l.referenceAsWritten())
                .put("note", l.note()).put("version", l.version());
    }

    private static Row media(MediaView m) {
        return row().put("id", m.id()).put("document_id", m.documentId()).put("url", m.url())
                .put("media_type", m.mediaType()).put("page_number", m.pageNumber()).put("sha256", m.sha256())
                .put("caption", m.caption()).put("depicted_agent_ids", m.depictedAgentIds())
                .put("fixity_sha256", m.fixitySha256()).timestamps(m.createdAt(), m.updatedAt())
                .put("version", m.version());
    }

    /** As the annotation service stores it: a mention's links and the marginalia's reporter in columns. */
    private static Row annotation(AnnotationView a) {
        ObjectNode body = ENTITIES.valueToTree(new AnnotationBody(a.noteText(), a.footnote(), a.foreignTerm(),
                a.uncertainReading(), a.gap(), a.supplied(), a.mention(), a.marginalia(), a.pageBreak()));
        UUID agentId = null;
        UUID placeId = null;
        String date = null;
        UUID reportedById = null;
        if (a.mention() != null) {
            agentId = a.mention().agentId();
            placeId = a.mention().placeId();
            date = a.mention().date();
            ((ObjectNode) body.get("mention")).putNull("agentId").putNull("placeId").putNull("date");
        }
        if (a.marginalia() != null) {
            reportedById = a.marginalia().reportedById();
            ((ObjectNode) body.get("marginalia")).putNull("reportedById");
        }
        EdtfDate parsed = edtf(date);
        return row().put("id", a.id()).put("document_id", a.documentId()).put("type", a.type()).put("body", body)
                .put("agent_id", agentId).put("place_id", placeId).put("date_edtf", date)
                .put("date_earliest", earliest(parsed)).put("date_latest", latest(parsed))
                .put("reported_by_id", reportedById).timestamps(a.createdAt(), a.updatedAt())
                .put("version", a.version());
    }

    /** Targets have no id of their own in the API: a new one, time-ordered as the entities' (see {@link #newId}). */
    private static Row target(UUID annotationId, int position, TargetView t) {
        return row().put("id", newId()).put("annotation_id", annotationId).put("position", position)
                .put("text_id", t.textId()).put("start_offset", t.start()).put("end_offset", t.end())
                .put("exact", t.exact()).put("prefix", t.prefix()).put("suffix", t.suffix()).put("status", t.status())
                .put("page", t.page()).put("line_start", t.lineStart()).put("line_end", t.lineEnd())
                .put("margin", t.margin()).put("region", t.region()).put("part", t.part())
                .put("participant_id", t.participantId());
    }

    /**
     * Name variants have no id of their own in the API: new ones (see {@link #newId}); their match key as the entities
     * set it.
     */
    private static List<Row> names(String owner, UUID id, List<NameVariant> names) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            NameVariant n = names.get(i);
            rows.add(row().put("id", newId()).put(owner, id).put("position", i).put("value", n.value())
                    .put("language", n.language()).put("transliteration", n.transliteration())
                    .put("preferred", n.preferred()).put("match_key", NameKey.of(n.value())));
        }
        return rows;
    }

    /**
     * A new id as the entities generate theirs ({@code @UuidGenerator(style = VERSION_7)}): time-ordered, so that an
     * import's rows go to the end of their primary key's index, not to a random page of it (a random UUID's did, for
     * every target of every note).
     */
    private static UUID newId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }

    /** The tables whose rows make a document's search vector (V20), and the column naming the document. */
    private static final Map<String, List<String>> SEARCHED = Map.of("document", List.of("id"),
            "text", List.of("document_id"), "annotation", List.of("document_id"));

    /**
     * The tables whose rows are part of a document's representation (V19's triggers bump its document_change row),
     * and the columns naming the documents a row belongs to: a link is also part of the document it points to. A
     * target of a note is written with its note (see {@link #document}), whose row names the document.
     */
    private static final Map<String, List<String>> CHANGED = Map.of("document", List.of("id"),
            "document_subject", List.of("document_id"), "document_collection", List.of("document_id"),
            "text", List.of("document_id"), "participant", List.of("document_id"),
            "document_link", List.of("document_id", "target_document_id"), "media", List.of("document_id"),
            "annotation", List.of("document_id"));

    /** The rows of one table and resource (each with the same columns), to be written by {@link #execute}. */
    private record Rows(String table, List<Row> rows) {
    }

    /**
     * The rows of one table with the same columns, inserted by one statement: each column's values in PostgreSQL's
     * input form, gathered as they come into one text array a column, with the documents they name.
     */
    private static final class Insert {
        final String table;
        final List<String> columns;
        final List<List<String>> values;
        final Set<UUID> searched = new TreeSet<>();
        final Set<UUID> changed = new TreeSet<>();

        Insert(String table, List<String> columns) {
            this.table = table;
            this.columns = columns;
            this.values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(new ArrayList<>());
            }
        }

        static String key(String table, List<String> columns) {
            return table + "(" + String.join(", ", columns) + ")";
        }

        void add(List<Row> rows) {
            List<String> searchedBy = SEARCHED.getOrDefault(table, List.of());
            List<String> changedBy = CHANGED.getOrDefault(table, List.of());
            for (Row row : rows) {
                for (int i = 0; i < row.columns.size(); i++) {
                    String column = row.columns.get(i);
                    Object value = row.values.get(i);
                    values.get(i).add(text(value));
                    if (value instanceof UUID id) {
                        if (searchedBy.contains(column)) {
                            searched.add(id);
                        }
                        if (changedBy.contains(column)) {
                            changed.add(id);
                        }
                    }
                }
            }
        }

        /** The values of a column, one a row. */
        String[] column(int i) {
            return values.get(i).toArray(String[]::new);
        }
    }

    /** A value in PostgreSQL's input form for its column (null for NULL). */
    static String text(Object value) {
        try {
            if (value == null || value instanceof String) {
                return (String) value;
            } else if (value instanceof Double || value instanceof Float) {
                return Double.toString(((Number) value).doubleValue());
            } else if (value instanceof Enum<?> e) {
                return e.name();
            } else if (value instanceof LocalDate d) {
                // PostgreSQL's form of a date before the year 1 (ISO's year 0 is 1 BC)
                return d.getYear() > 0 ? d.toString()
                        : String.format("%04d-%02d-%02d BC", 1 - d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            } else if (value instanceof Collection<?> c) {
                return arrayLiteral(c);
            } else if (value instanceof JsonNode node) {
                return ENTITIES.writeValueAsString(node);
            } else if (value instanceof Stored stored) {
                return STORED.writeValueAsString(stored.value());
            }
            return value.toString(); // uuid, integer, boolean, timestamptz (ISO 8601 with its offset)
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An array column's value as PostgreSQL's array input reads it: every element quoted, its quotes and backslashes
     * escaped, NULL for none (written by hand: no library writes PostgreSQL's array literals; pgjdbc's own writer is
     * internal to it).
     */
    static String arrayLiteral(Collection<?> items) {
        StringBuilder literal = new StringBuilder("{");
        for (Object item : items) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            String text = text(item);
            if (text == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** A value of a jsonb column, written as Hibernate stores it ({@link #ENTITIES}). */
    private record Stored(Object value) {
    }

    /**
     * The rows of the resource being written: {@link #execute} sends them (one round trip to the database for a
     * document with all its parts, not one per table), or adds them to the batch being gathered.
     */
    private final ThreadLocal<List<Rows>> pending = ThreadLocal.withInitial(ArrayList::new);

    /**
     * While an import gathers a batch ({@link #gather}): the rows of every resource written since, one insert per
     * table and columns, in the order their tables first came (which is the order of the foreign keys, as long as
     * the resources come in the export's order: authorities, documents, then links).
     */
    private final ThreadLocal<Map<String, Insert>> gathered = new ThreadLocal<>();

    /** The rows of a table (all with the same columns), through its view; sent by execute. */
    private void insert(String table, List<Row> rows) {
        if (!rows.isEmpty()) {
            pending.get().add(new Rows(table, rows));
        }
    }

    /**
     * From now on, on this thread, the resources written are gathered instead of sent: {@link #sendGathered} sends
     * them all, one statement per table, in one round trip (an import's batch of units; its fallback on a failure is
     * to write each unit again on its own).
     */
    public void gather() {
        pending.remove();
        gathered.set(new LinkedHashMap<>());
    }

    /** Sends what was gathered since {@link #gather}, and stops gathering. */
    public void sendGathered() {
        Map<String, Insert> inserts = gathered.get();
        gathered.remove();
        if (inserts != null) {
            send(inserts.values());
        }
    }

    /** Stops gathering and forgets what was gathered (after a failure). */
    public void discardGathered() {
        gathered.remove();
        pending.remove();
    }

    /**
     * Sends the rows of the resource: one round trip (a failure rolls back the statements before it too); while
     * gathering, adds them to the batch instead. Rows come in only once the resource was mapped whole.
     */
    private String execute(String path) {
        List<Rows> resource = pending.get();
        pending.remove();
        Map<String, Insert> batch = gathered.get();
        Map<String, Insert> into = batch == null ? new LinkedHashMap<>() : batch;
        for (Rows rows : resource) {
            List<String> columns = rows.rows().get(0).columns;
            into.computeIfAbsent(Insert.key(rows.table(), columns), k -> new Insert(rows.table(), columns))
                    .add(rows.rows());
        }
        if (batch == null) {
            send(into.values());
        }
        return path;
    }

    /**
     * The inserts as one round trip: one statement per table, each of its columns a text array parameter, unnested
     * into rows and cast to the column's type (pgjdbc sends every statement of one prepared statement together, with
     * one sync, and a String[] in binary: the server reads each value as it is, without parsing a JSON document or an
     * array literal of the rows first; rows sent as JSON took a seventh of its CPU in an import to parse). The search
     * vectors of the documents they write are computed once, after the last insert (migration V22), not after each of
     * the document's, texts' and annotations' statements; and each document's change row is bumped once (V27), not
     * after each statement that writes one of its tables.
     */
    private void send(Collection<Insert> inserts) {
        if (inserts.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            Set<UUID> searched = new TreeSet<>();
            Set<UUID> changed = new TreeSet<>();
            StringBuilder sql = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (Insert insert : inserts) {
                Map<String, String> types = columnTypes(connection, insert.table);
                String list = String.join(", ", insert.columns);
                sql.append("INSERT INTO public.").append(insert.table).append(" (").append(list).append(") SELECT ");
                for (int i = 0; i < insert.columns.size(); i++) {
                    String column = insert.columns.get(i);
                    String type = types.get(column);
                    if (type == null) {
                        throw new IllegalStateException("public." + insert.table + " has no column " + column);
                    }
                    sql.append(i == 0 ? "" : ", ").append("CAST(u.").append(column).append(" AS ").append(type)
                            .append(')');
                    parameters.add(insert.column(i));
                }
                sql.append(" FROM unnest(").append(String.join(", ", Collections.nCopies(
                        insert.columns.size(), "?"))).append(") AS u (").append(list).append(");\n");
                searched.addAll(insert.searched);
                changed.addAll(insert.changed);
            }
            if (!searched.isEmpty()) {
                sql.insert(0, "SELECT set_config('fonds.search_refresh', 'deferred', true);\n")
                        .append("SELECT fonds_search_refresh(CAST(? AS uuid[]));\n")
                        .append("SELECT set_config('fonds.search_refresh', '', true);\n");
                parameters.add(arrayLiteral(searched));
            }
            if (!changed.isEmpty()) {
                sql.insert(0, "SELECT set_config('fonds.document_changes', 'deferred', true);\n")
                        .append("SELECT fonds_documents_changed(CAST(? AS uuid[]));\n")
                        .append("SELECT set_config('fonds.document_changes', '', true);\n");
                parameters.add(arrayLiteral(changed));
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                statement.execute();
            }
        });
    }

    /** The columns of the views written, with their types (format_type), read from the catalogue once a view. */
    private static final Map<String, Map<String, String>> COLUMN_TYPES = new ConcurrentHashMap<>();

    private static Map<String, String> columnTypes(java.sql.Connection connection, String table)
            throws java.sql.SQLException {
        Map<String, String> types = COLUMN_TYPES.get(table);
        if (types != null) {
            return types;
        }
        types = new HashMap<>();
        try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT attname, "
                + "format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = CAST(? AS regclass) "
                + "AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, "public." + table);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        COLUMN_TYPES.put(table, Map.copyOf(types));
        return types;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static EdtfDate edtf(String value) {
        return value == null ? null : Edtf.parse(value);
    }

    private static LocalDate earliest(EdtfDate date) {
        return date == null ? null : date.earliest();
    }

    private static LocalDate latest(EdtfDate date) {
        return date == null ? null : date.latest();
    }

    private static Row row() {
        return new Row();
    }

    /** A row: its columns and their values, in order (written by {@link Insert#add}). */
    private static final class Row {
        final List<String> columns = new ArrayList<>(24);
        final List<Object> values = new ArrayList<>(24);

        Row put(String column, Object value) {
            columns.add(column);
            values.add(value);
            return this;
        }

        /** A jsonb column's value as the entities store it. */
        Row json(String column, Object value) {
            return put(column, value == null ? null : new Stored(value));
        }

        Row timestamps(Object createdAt, Object updatedAt) {
            return put("created_at", createdAt).put("updated_at", updatedAt);
        }

        /**
         * A part's copy of its document's visibility, embargo and deletion (V12), given rather than looked up for each
         * row by the trigger (V29 checks it once per statement). An imported document is not deleted.
         */
        Row copies(DocumentView d) {
            return put("doc_visibility", d.visibility()).put("doc_embargo_until", d.embargoUntil())
                    .put("doc_deleted", false);
        }
    }
}
