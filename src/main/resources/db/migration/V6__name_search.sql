-- Name search (GET /search/agents, /search/places): every name variant gets a match key, its value lower-cased,
-- romanised from Cyrillic, without diacritics, apostrophes and punctuation (org.fonds.shared.NameKey, the one
-- implementation of the rules: the application sets the key whenever it writes a name, and the Java migration
-- V6_1 keys the rows that exist now, then makes the column NOT NULL).
ALTER TABLE agent_name ADD COLUMN match_key text CHECK (length(match_key) <= 1000);
ALTER TABLE place_name ADD COLUMN match_key text CHECK (length(match_key) <= 1000);

-- A GIN trigram index per table serves the other arms of the search: the prefix and word-prefix patterns
-- (LIKE 'key%', LIKE '% key%') and the misspellings (% similarity, %> word similarity).
-- GIN rather than GiST: the search filters by thresholds and ranks the few hits itself, it never orders the whole
-- table by distance (<->), which is what GiST would add; GIN lookups are faster.
CREATE INDEX agent_name_match_key_trgm_idx ON agent_name USING gin (match_key gin_trgm_ops);
CREATE INDEX place_name_match_key_trgm_idx ON place_name USING gin (match_key gin_trgm_ops);

-- An exact match ignores word breaks (Pak Heonyeong is Pak Heon-yeong): the key without its spaces, by btree.
CREATE INDEX agent_name_compact_key_idx ON agent_name ((replace(match_key, ' ', '')));
CREATE INDEX place_name_compact_key_idx ON place_name ((replace(match_key, ' ', '')));
