-- GET /agents?name=…: AgentRepository.page (limit + 1 rows), then the names of the page in one batch (= ANY).
-- The name is one of those wrk cycles through (run.sh sets them), picked by a query of its own: one more round trip
-- than the API makes. The page's ids are aggregated to pass them on; the API reads the whole rows.
\set i random(1, 5)
SELECT (ARRAY[:name1, :name2, :name3, :name4, :name5])[:i] AS pattern \gset
SELECT coalesce(array_agg(id), '{}') AS agents FROM (SELECT a.* FROM agent a WHERE EXISTS (SELECT 1 FROM agent_name n WHERE n.agent_id = a.id AND n.value ILIKE :pattern) ORDER BY a.id LIMIT 21) page \gset
select n1_0.agent_id, n1_0.id, n1_0.language, n1_0.position, n1_0.preferred, n1_0.transliteration, n1_0.value from agent_name n1_0 where n1_0.agent_id = any (:agents) order by n1_0.position;
