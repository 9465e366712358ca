package org.fonds.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fonds.annotation.Annotation;
import org.fonds.link.DocumentLink;
import org.fonds.media.Media;
import org.fonds.participant.Participant;
import org.fonds.text.Text;

/**
 * GET /documents/{id}?embed=…, the hot read path: the document and everything it embeds in ONE statement, which
 * PostgreSQL answers as one JSON value (a json_agg per kind, annotations with their targets), read into detached
 * entities that the features' own views then map, so the response is the one the entity path gives. Hibernate's
 * per-kind queries (nine statements for embed=all) and its persistence context are not involved.
 *
 * <p>The JSON keys are the entities' field names, and the jsonb columns (sections, body, credits, source) are passed
 * through as stored: they are read with the ObjectMapper Hibernate stores them with (its own, not the REST one:
 * {@code quarkus.hibernate-orm.mapping.format.global=ignore}).
 */
@ApplicationScoped
public class DocumentReader {

    /**
     * Hibernate's JSON format mapper's configuration (JacksonJsonFormatMapper): defaults plus the modules found, and
     * PostgreSQL's text of a date before the year 1 ({@link #PostgresDate}).
     */
    static final ObjectMapper ENTITIES = new ObjectMapper().findAndRegisterModules()
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addDeserializer(LocalDate.class,
                    new PostgresDate()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A date as PostgreSQL's JSON writes it: ISO 8601 from the year 1, {@code 0045-03-15 BC} before it (the date the
     * EDTF {@code -0044-03-15} denotes: ISO counts a year 0, the BC era does not).
     */
    private static final class PostgresDate extends com.fasterxml.jackson.databind.JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            return date(p.getValueAsString());
        }
    }

    /** A date as PostgreSQL writes it (see {@link PostgresDate}). */
    static LocalDate date(String text) {
        if (text.endsWith(" BC")) {
            LocalDate era = LocalDate.parse(text.substring(0, text.length() - 3));
            return era.withYear(1 - era.getYear());
        }
        return LocalDate.parse(text);
    }

    private static final String DOCUMENT = "json_build_object('id', d.id, 'kind', d.kind, 'kindAsWritten', d.kind_as_written, 'title', d.title, "
            + "'summary', d.summary, 'referenceNumbers', d.reference_numbers, 'classification', d.classification, "
            + "'handling', d.handling, 'languages', d.languages, 'dateEdtf', d.date_edtf, "
            + "'dateEarliest', d.date_earliest, 'dateLatest', d.date_latest, 'dispatchedEdtf', d.dispatched_edtf, "
            + "'placeOfOriginId', d.place_of_origin_id, 'source', d.source, 'rights', d.rights, 'credits', d.credits, "
            + "'subjectIds', ARRAY(SELECT s.subject_id FROM document_subject s WHERE s.document_id = d.id ORDER BY s.subject_id), "
            + "'collectionIds', ARRAY(SELECT c.collection_id FROM document_collection c WHERE c.document_id = d.id ORDER BY c.collection_id), "
            + "'visibility', d.visibility, 'embargoUntil', d.embargo_until, "
            + "'createdAt', d.created_at, 'updatedAt', d.updated_at, 'version', d.version)";

    private static final String TEXTS = "(SELECT coalesce(json_agg(json_build_object('id', t.id, "
            + "'documentId', t.document_id, 'version', t.version, 'role', t.role, 'language', t.language, "
            + "'translatorName', t.translator_name, 'translatorAgentId', t.translator_agent_id, 'sections', t.sections, "
            + "'content', t.content, 'fixitySha256', t.fixity_sha256, 'createdAt', t.created_at, 'updatedAt', t.updated_at) ORDER BY t.id), '[]') "
            + "FROM text t WHERE t.document_id = d.id)";

    private static final String PARTICIPANTS = "(SELECT coalesce(json_agg(json_build_object('id', p.id, "
            + "'documentId', p.document_id, 'version', p.version, 'agentId', p.agent_id, 'role', p.role, "
            + "'position', p.position, 'nameAsWritten', p.name_as_written, 'office', p.office, "
            + "'copyNumber', p.copy_number, 'placeId', p.place_id, 'dateEdtf', p.date_edtf, "
            + "'dateEarliest', p.date_earliest, 'dateLatest', p.date_latest, 'supplied', p.supplied) ORDER BY p.id), '[]') "
            + "FROM participant p WHERE p.document_id = d.id)";

    private static final String LINKS = "(SELECT coalesce(json_agg(json_build_object('id', l.id, "
            + "'documentId', l.document_id, 'version', l.version, 'type', l.type, "
            + "'targetDocumentId', l.target_document_id, 'referenceAsWritten', l.reference_as_written, "
            + "'note', l.note) ORDER BY l.id), '[]') FROM document_link l WHERE l.document_id = d.id)";

    /** The links of other documents to this one (the view leaves out those of documents the caller cannot see). */
    private static final String LINKED_FROM = "(SELECT coalesce(json_agg(json_build_object('id', l.id, "
            + "'documentId', l.document_id, 'version', l.version, 'type', l.type, "
            + "'targetDocumentId', l.target_document_id, 'referenceAsWritten', l.reference_as_written, "
            + "'note', l.note) ORDER BY l.id), '[]') FROM document_link l WHERE l.target_document_id = d.id)";

    private static final String MEDIA = "(SELECT coalesce(json_agg(json_build_object('id', m.id, "
            + "'documentId', m.document_id, 'version', m.version, 'url', m.url, 'mediaType', m.media_type, "
            + "'pageNumber', m.page_number, 'sha256', m.sha256, 'caption', m.caption, "
            + "'depictedAgentIds', m.depicted_agent_ids, 'fixitySha256', m.fixity_sha256, 'createdAt', m.created_at, 'updatedAt', m.updated_at) "
            + "ORDER BY m.id), '[]') FROM media m WHERE m.document_id = d.id)";

    private static final String ANNOTATIONS = "(SELECT coalesce(json_agg(json_build_object('id', a.id, "
            + "'documentId', a.document_id, 'type', a.type, 'body', a.body, 'agentId', a.agent_id, "
            + "'placeId', a.place_id, 'dateEdtf', a.date_edtf, 'dateEarliest', a.date_earliest, "
            + "'dateLatest', a.date_latest, 'reportedById', a.reported_by_id, 'createdAt', a.created_at, "
            + "'updatedAt', a.updated_at, 'version', a.version, 'targets', (SELECT coalesce(json_agg(json_build_object("
            + "'id', g.id, 'position', g.position, 'textId', g.text_id, 'startOffset', g.start_offset, "
            + "'endOffset', g.end_offset, 'exact', g.exact, 'prefix', g.prefix, 'suffix', g.suffix, "
            + "'status', g.status, 'page', g.page, 'lineStart', g.line_start, 'lineEnd', g.line_end, "
            + "'margin', g.margin, 'region', g.region, 'part', g.part, 'participantId', g.participant_id) "
            + "ORDER BY g.position), '[]') FROM annotation_target g "
            + "WHERE g.annotation_id = a.id)) ORDER BY a.id), '[]') FROM annotation a WHERE a.document_id = d.id)";

    /** What one statement reads: the document and the embedded kinds (null when not asked for). */
    public static final class Read {
        public Document document;
        public List<Text> texts;
        public List<Participant> participants;
        public List<DocumentLink> links;
        public List<DocumentLink> linkedFrom;
        public List<Media> media;
        public List<Annotation> annotations;
    }

    private final EntityManager em;

    public DocumentReader(EntityManager em) {
        this.em = em;
    }

    /** The document with the kinds in {@code embeds}, in one statement; empty when the caller sees no such document. */
    public Optional<Read> read(UUID id, Set<Embed> embeds) {
        // no result class: with String.class, Hibernate 7.2 keys each execution's plan by a result mapping it cannot
        // compare, and caches a new plan per request, all in one hash bucket (QueryPlanCacheTest); the one text
        // column comes back as a String anyway
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(sql(embeds)).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            Read read = ENTITIES.readValue(rows.get(0), Read.class);
            if (read.annotations != null) {
                read.annotations.forEach(a -> a.targets.forEach(t -> t.annotation = a));
            }
            return Optional.of(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read document " + id, e);
        }
    }

    /**
     * The statement of {@link #read}, parameter :id (public for the benchmark's pgbench script). What the caller may
     * not see (a hidden or deleted document, deleted parts, links to hidden documents) the views leave out.
     */
    public static String sql(Set<Embed> embeds) {
        StringBuilder sql = new StringBuilder("SELECT CAST(json_build_object('document', ").append(DOCUMENT);
        part(sql, embeds, Embed.TEXTS, "texts", TEXTS);
        part(sql, embeds, Embed.PARTICIPANTS, "participants", PARTICIPANTS);
        part(sql, embeds, Embed.LINKS, "links", LINKS);
        part(sql, embeds, Embed.LINKS, "linkedFrom", LINKED_FROM);
        part(sql, embeds, Embed.MEDIA, "media", MEDIA);
        part(sql, embeds, Embed.ANNOTATIONS, "annotations", ANNOTATIONS);
        return sql.append(") AS text) FROM document d WHERE d.id = :id").toString();
    }

    private static void part(StringBuilder sql, Set<Embed> embeds, Embed embed, String key, String subquery) {
        if (embeds.contains(embed)) {
            sql.append(", '").append(key).append("', ").append(subquery);
        }
    }
}
