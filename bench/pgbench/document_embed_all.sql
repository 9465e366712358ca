-- GET /documents/{id}?embed=all: the statements Hibernate issues (QUARKUS_HIBERNATE_ORM_LOG_SQL=true), in order.
-- The id is drawn from bench.document_ids (filled by run.sh with the ids wrk cycles through): one more primary-key
-- lookup than the API makes. The targets are selected by their annotations' ids as the API does (= ANY), here with
-- the ids from a subquery, where Hibernate passes the ids it has just read.
\set n random(1, :ids)
SELECT id AS doc FROM bench.document_ids WHERE n = :n \gset
select d1_0.id, d1_0.classification, d1_0.created_at, d1_0.credits, d1_0.date_earliest, d1_0.date_edtf, d1_0.date_latest, d1_0.dispatched_edtf, d1_0.handling, d1_0.kind, d1_0.languages, d1_0.place_of_origin_id, d1_0.reference_numbers, d1_0.rights, d1_0.source, d1_0.summary, d1_0.title, d1_0.updated_at, d1_0.version from document d1_0 where d1_0.id = :doc;
select si1_0.document_id, si1_0.subject_id from document_subject si1_0 where si1_0.document_id = :doc;
select ci1_0.document_id, ci1_0.collection_id from document_collection ci1_0 where ci1_0.document_id = :doc;
select t1_0.id, t1_0.content, t1_0.created_at, t1_0.document_id, t1_0.language, t1_0.role, t1_0.sections, t1_0.translator_agent_id, t1_0.translator_name, t1_0.updated_at, t1_0.version from text t1_0 where t1_0.document_id in (:doc) order by t1_0.document_id, t1_0.id;
select p1_0.id, p1_0.agent_id, p1_0.copy_number, p1_0.date_earliest, p1_0.date_edtf, p1_0.date_latest, p1_0.document_id, p1_0.name_as_written, p1_0.office, p1_0.place_id, p1_0.position, p1_0.role, p1_0.version from participant p1_0 where p1_0.document_id in (:doc) order by p1_0.document_id, p1_0.id;
select dl1_0.id, dl1_0.document_id, dl1_0.note, dl1_0.reference_as_written, dl1_0.target_document_id, dl1_0.type, dl1_0.version from document_link dl1_0 where dl1_0.document_id in (:doc) order by dl1_0.document_id, dl1_0.id;
select m1_0.id, m1_0.caption, m1_0.created_at, m1_0.depicted_agent_ids, m1_0.document_id, m1_0.media_type, m1_0.page_number, m1_0.sha256, m1_0.updated_at, m1_0.url, m1_0.version from media m1_0 where m1_0.document_id in (:doc) order by m1_0.document_id, m1_0.id;
select a1_0.id, a1_0.agent_id, a1_0.body, a1_0.created_at, a1_0.date_earliest, a1_0.date_edtf, a1_0.date_latest, a1_0.document_id, a1_0.place_id, a1_0.reported_by_id, a1_0.type, a1_0.updated_at, a1_0.version from annotation a1_0 where a1_0.document_id in (:doc) order by a1_0.document_id, a1_0.id;
select t1_0.annotation_id, t1_0.id, t1_0.end_offset, t1_0.exact, t1_0.line_end, t1_0.line_start, t1_0.margin, t1_0.page, t1_0.position, t1_0.prefix, t1_0.region, t1_0.start_offset, t1_0.status, t1_0.suffix, t1_0.text_id from annotation_target t1_0 where t1_0.annotation_id = any (array(select id from annotation where document_id = :doc)) order by t1_0.position;
