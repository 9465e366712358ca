-- Annotations: what V2 left to the API, also in the schema; and the indexes of the dates resource.

-- reported_by_id references annotation ON DELETE SET NULL: without an index, deleting an annotation (or a document
-- with its annotations) scans the whole table for each row deleted. Deleting a note also looks up what it reports.
CREATE INDEX annotation_reported_by_idx ON annotation (reported_by_id) WHERE reported_by_id IS NOT NULL;

ALTER TABLE annotation
    ADD CONSTRAINT annotation_not_self_reported CHECK (reported_by_id <> id),
    -- a MENTION's date, as the document's date: the days are derived from the EDTF value and in order
    ADD CONSTRAINT annotation_date_range CHECK (date_earliest IS NULL OR date_latest IS NULL OR date_earliest <= date_latest),
    ADD CONSTRAINT annotation_date_derived CHECK (date_edtf IS NOT NULL OR (date_earliest IS NULL AND date_latest IS NULL));

-- "Which dates overlap this month?" as two inequalities (date_earliest <= :to AND date_latest >= :from) is estimated
-- at a quarter of the table and read with a sequential scan (50,000 documents: 20 ms, 11,566 rows estimated for 31).
-- A GiST index on the range answers it directly (0.3 ms, 33 estimated). The btree indexes stay for GET /documents
-- and the counts by earliest day.
CREATE INDEX document_date_range_idx ON document USING gist (daterange(date_earliest, date_latest, '[]'));
CREATE INDEX annotation_date_range_idx ON annotation USING gist (daterange(date_earliest, date_latest, '[]'))
    WHERE date_edtf IS NOT NULL;
