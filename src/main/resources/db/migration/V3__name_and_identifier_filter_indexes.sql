-- Indexes for the filters of GET /agents, /places and /subjects. A name or label filter is a case-insensitive
-- substring match (ILIKE '%…%'), which trigram GIN indexes serve; the identifier filter of agents is jsonb
-- containment. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX agent_name_value_trgm_idx ON agent_name USING gin (value gin_trgm_ops);
CREATE INDEX place_name_value_trgm_idx ON place_name USING gin (value gin_trgm_ops);
CREATE INDEX subject_label_trgm_idx ON subject USING gin (label gin_trgm_ops);
CREATE INDEX agent_identifiers_idx ON agent USING gin (identifiers jsonb_path_ops);
