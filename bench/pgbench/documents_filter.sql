-- GET /documents?kind=…&date_from=…&date_to=… (and &cursor=…): DocumentRepository.page, limit + 1 rows.
-- run.sh sets kind, from, to and after (the id a cursor carries; the nil UUID for the first page, which every id
-- follows, so that one prepared statement serves both pages).
SELECT d.* FROM document d WHERE d.id > :after AND d.kind = :kind AND d.date_latest >= :from AND d.date_earliest <= :to ORDER BY d.id LIMIT 21;
