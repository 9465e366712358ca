package org.fonds.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.annotation.Annotation;
import org.fonds.annotation.AnnotationTarget;
import org.fonds.link.DocumentLink;
import org.fonds.media.Media;
import org.fonds.participant.Participant;
import org.fonds.text.Text;
import org.hibernate.Session;

/**
 * The NDJSON export's batches (org.fonds.bulk): many documents with everything they embed, as detached entities that
 * the features' own views map (as {@link DocumentReader}'s are), read with plain JDBC through the views, one statement
 * per kind for the whole batch.
 *
 * <p>Written by hand because reading these rows as managed entities (Hibernate's queries, its persistence context
 * and its per-id {@code IN} lists, translated again on every execution) cost the export more CPU than everything else
 * it did: with this reader the JVM's CPU per exported document fell by a quarter (bench/RESULTS.md, session 14). The columns are those of
 * {@link DocumentReader}'s statement, which reads the same entities; BulkTest compares every exported document with
 * GET /documents/{id}?embed=all, which reads through {@link DocumentReader}.
 */
@ApplicationScoped
public class DocumentRows {

    /** A batch: its documents in id order, and their parts, each kind in (document, id) order. */
    public record Batch(List<Document> documents, List<Text> texts, List<Participant> participants,
            List<DocumentLink> links, List<DocumentLink> linkedFrom, List<Media> media, List<Annotation> annotations) {
    }

    private static final String DOCUMENTS = "SELECT d.id, d.kind, d.kind_as_written, d.title, d.summary, "
            + "d.reference_numbers, d.classification, d.handling, d.languages, d.date_edtf, d.date_earliest, "
            + "d.date_latest, d.dispatched_edtf, d.place_of_origin_id, d.source, d.rights, d.credits, "
            + "ARRAY(SELECT s.subject_id FROM document_subject s WHERE s.document_id = d.id ORDER BY s.subject_id), "
            + "ARRAY(SELECT c.collection_id FROM document_collection c WHERE c.document_id = d.id "
            + "ORDER BY c.collection_id), d.visibility, d.embargo_until, d.created_at, d.updated_at, d.version "
            + "FROM document d WHERE d.id = ANY (?) ORDER BY d.id";

    private static final String TEXTS = "SELECT t.id, t.document_id, t.version, t.role, t.language, t.translator_name, "
            + "t.translator_agent_id, t.sections, t.content, t.fixity_sha256, t.created_at, t.updated_at "
            + "FROM text t WHERE t.document_id = ANY (?) ORDER BY t.document_id, t.id";

    private static final String PARTICIPANTS = "SELECT p.id, p.document_id, p.version, p.agent_id, p.role, p.position, "
            + "p.name_as_written, p.office, p.copy_number, p.place_id, p.date_edtf, p.date_earliest, p.date_latest, "
            + "p.supplied FROM participant p WHERE p.document_id = ANY (?) ORDER BY p.document_id, p.id";

    private static final String LINK_COLUMNS = "SELECT l.id, l.document_id, l.version, l.type, l.target_document_id, "
            + "l.reference_as_written, l.note FROM document_link l ";

    private static final String LINKS = LINK_COLUMNS + "WHERE l.document_id = ANY (?) ORDER BY l.document_id, l.id";

    /** The links of other documents to these (the view leaves out those of documents the caller cannot see). */
    private static final String LINKED_FROM = LINK_COLUMNS
            + "WHERE l.target_document_id = ANY (?) ORDER BY l.target_document_id, l.id";

    private static final String MEDIA = "SELECT m.id, m.document_id, m.version, m.url, m.media_type, m.page_number, "
            + "m.sha256, m.caption, m.depicted_agent_ids, m.fixity_sha256, m.created_at, m.updated_at "
            + "FROM media m WHERE m.document_id = ANY (?) ORDER BY m.document_id, m.id";

    private static final String ANNOTATIONS = "SELECT a.id, a.document_id, a.type, a.body, a.agent_id, a.place_id, "
            + "a.date_edtf, a.date_earliest, a.date_latest, a.reported_by_id, a.created_at, a.updated_at, a.version "
            + "FROM annotation a WHERE a.document_id = ANY (?) ORDER BY a.document_id, a.id";

    private static final String TARGETS = "SELECT g.annotation_id, g.id, g.position, g.text_id, g.start_offset, "
            + "g.end_offset, g.exact, g.prefix, g.suffix, g.status, g.page, g.line_start, g.line_end, g.margin, "
            + "g.region, g.part, g.participant_id FROM annotation_target g WHERE g.annotation_id = ANY (?) "
            + "ORDER BY g.annotation_id, g.position";

    /** The jsonb columns, read as Hibernate stores them, into the entities' own field types. */
    private static final ObjectReader SOURCE = json(Document.class, "source");
    private static final ObjectReader CREDITS = json(Document.class, "credits");
    private static final ObjectReader SECTIONS = json(Text.class, "sections");
    private static final ObjectReader BODY = json(Annotation.class, "body");

    private static ObjectReader json(Class<?> entity, String field) {
        try {
            return DocumentReader.ENTITIES.readerFor(DocumentReader.ENTITIES.getTypeFactory()
                    .constructType(entity.getDeclaredField(field).getGenericType()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private final EntityManager em;

    public DocumentRows(EntityManager em) {
        this.em = em;
    }

    /** The documents with these ids that the caller sees, with all their parts the caller sees. */
    public Batch read(List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Array documentIds = c.createArrayOf("uuid", ids.toArray());
            List<Annotation> annotations = rows(c, ANNOTATIONS, documentIds, DocumentRows::annotation);
            if (!annotations.isEmpty()) {
                Map<UUID, Annotation> byId = new HashMap<>();
                annotations.forEach(a -> byId.put(a.id, a));
                for (AnnotationTarget t : rows(c, TARGETS, c.createArrayOf("uuid", byId.keySet().toArray()),
                        r -> target(r, byId))) {
                    t.annotation.targets.add(t);
                }
            }
            return new Batch(rows(c, DOCUMENTS, documentIds, DocumentRows::document),
                    rows(c, TEXTS, documentIds, DocumentRows::text),
                    rows(c, PARTICIPANTS, documentIds, DocumentRows::participant),
                    rows(c, LINKS, documentIds, DocumentRows::link), rows(c, LINKED_FROM, documentIds, DocumentRows::link),
                    rows(c, MEDIA, documentIds, DocumentRows::media), annotations);
        });
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, Array ids, Row<T> row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                List<T> list = new ArrayList<>();
                while (r.next()) {
                    list.add(row.read(r));
                }
                return list;
            }
        }
    }

    private static Document document(ResultSet r) throws SQLException {
        Document d = new Document();
        d.id = uuid(r, 1);
        d.kind = DocumentKind.valueOf(r.getString(2));
        d.kindAsWritten = r.getString(3);
        d.title = r.getString(4);
        d.summary = r.getString(5);
        d.referenceNumbers = strings(r, 6);
        d.classification = r.getString(7);
        d.handling = r.getString(8);
        d.languages = strings(r, 9);
        d.dateEdtf = r.getString(10);
        d.dateEarliest = date(r, 11);
        d.dateLatest = date(r, 12);
        d.dispatchedEdtf = r.getString(13);
        d.placeOfOriginId = uuid(r, 14);
        d.source = json(r, 15, SOURCE);
        d.rights = r.getString(16);
        d.credits = json(r, 17, CREDITS);
        d.subjectIds = new LinkedHashSet<>(uuids(r, 18));
        d.collectionIds = new LinkedHashSet<>(uuids(r, 19));
        d.visibility = org.fonds.access.Visibility.valueOf(r.getString(20));
        d.embargoUntil = date(r, 21);
        d.createdAt = timestamp(r, 22);
        d.updatedAt = timestamp(r, 23);
        d.version = r.getLong(24);
        return d;
    }

    private static Text text(ResultSet r) throws SQLException {
        Text t = new Text();
        t.id = uuid(r, 1);
        t.documentId = uuid(r, 2);
        t.version = r.getLong(3);
        t.role = org.fonds.text.TextRole.valueOf(r.getString(4));
        t.language = r.getString(5);
        t.translatorName = r.getString(6);
        t.translatorAgentId = uuid(r, 7);
        t.sections = json(r, 8, SECTIONS);
        t.content = r.getString(9);
        t.fixitySha256 = r.getString(10);
        t.createdAt = timestamp(r, 11);
        t.updatedAt = timestamp(r, 12);
        return t;
    }

    private static Participant participant(ResultSet r) throws SQLException {
        Participant p = new Participant();
        p.id = uuid(r, 1);
        p.documentId = uuid(r, 2);
        p.version = r.getLong(3);
        p.agentId = uuid(r, 4);
        p.role = org.fonds.participant.ParticipantRole.valueOf(r.getString(5));
        p.position = r.getInt(6);
        p.nameAsWritten = r.getString(7);
        p.office = r.getString(8);
        p.copyNumber = r.getString(9);
        p.placeId = uuid(r, 10);
        p.dateEdtf = r.getString(11);
        p.dateEarliest = date(r, 12);
        p.dateLatest = date(r, 13);
        p.supplied = r.getBoolean(14);
        return p;
    }

    private static DocumentLink link(ResultSet r) throws SQLException {
        DocumentLink l = new DocumentLink();
        l.id = uuid(r, 1);
        l.documentId = uuid(r, 2);
        l.version = r.getLong(3);
        l.type = org.fonds.link.LinkType.valueOf(r.getString(4));
        l.targetDocumentId = uuid(r, 5);
        l.referenceAsWritten = r.getString(6);
        l.note = r.getString(7);
        return l;
    }

    private static Media media(ResultSet r) throws SQLException {
        Media m = new Media();
        m.id = uuid(r, 1);
        m.documentId = uuid(r, 2);
        m.version = r.getLong(3);
        m.url = r.getString(4);
        m.mediaType = r.getString(5);
        m.pageNumber = r.getObject(6, Integer.class);
        m.sha256 = r.getString(7);
        m.caption = r.getString(8);
        m.depictedAgentIds = uuids(r, 9);
        m.fixitySha256 = r.getString(10);
        m.createdAt = timestamp(r, 11);
        m.updatedAt = timestamp(r, 12);
        return m;
    }

    private static Annotation annotation(ResultSet r) throws SQLException {
        Annotation a = new Annotation();
        a.id = uuid(r, 1);
        a.documentId = uuid(r, 2);
        a.type = org.fonds.annotation.AnnotationType.valueOf(r.getString(3));
        a.body = json(r, 4, BODY);
        a.agentId = uuid(r, 5);
        a.placeId = uuid(r, 6);
        a.dateEdtf = r.getString(7);
        a.dateEarliest = date(r, 8);
        a.dateLatest = date(r, 9);
        a.reportedById = uuid(r, 10);
        a.createdAt = timestamp(r, 11);
        a.updatedAt = timestamp(r, 12);
        a.version = r.getLong(13);
        return a;
    }

    private static AnnotationTarget target(ResultSet r, Map<UUID, Annotation> annotations) throws SQLException {
        AnnotationTarget t = new AnnotationTarget();
        t.annotation = annotations.get(uuid(r, 1));
        t.id = uuid(r, 2);
        t.position = r.getInt(3);
        t.textId = uuid(r, 4);
        t.startOffset = r.getObject(5, Integer.class);
        t.endOffset = r.getObject(6, Integer.class);
        t.exact = r.getString(7);
        t.prefix = r.getString(8);
        t.suffix = r.getString(9);
        t.status = org.fonds.annotation.AnchorStatus.valueOf(r.getString(10));
        t.page = r.getObject(11, Integer.class);
        t.lineStart = r.getObject(12, Integer.class);
        t.lineEnd = r.getObject(13, Integer.class);
        t.margin = value(org.fonds.annotation.Margin.class, r.getString(14));
        t.region = r.getString(15);
        t.part = value(org.fonds.annotation.DocumentPartName.class, r.getString(16));
        t.participantId = uuid(r, 17);
        return t;
    }

    private static UUID uuid(ResultSet r, int column) throws SQLException {
        return r.getObject(column, UUID.class);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A date as PostgreSQL writes it (a date before the year 1 with its era: see DocumentReader). */
    private static LocalDate date(ResultSet r, int column) throws SQLException {
        String text = r.getString(column);
        return text == null ? null : DocumentReader.date(text);
    }

    private static OffsetDateTime timestamp(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class);
    }

    private static List<String> strings(ResultSet r, int column) throws SQLException {
        Array array = r.getArray(column);
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static List<UUID> uuids(ResultSet r, int column) throws SQLException {
        Array array = r.getArray(column);
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }

    private static <T> T json(ResultSet r, int column, ObjectReader reader) throws SQLException {
        String text = r.getString(column);
        try {
            return text == null ? null : reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("Cannot read column " + column + " as " + reader.getValueType(), e);
        }
    }
}
