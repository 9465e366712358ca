-- Issue 13: repeated name searches (GET /search/agents, /search/places) are cached like document searches
-- (org.fonds.name.NameSearchCache), keyed by V20's change epoch. Every write to what a name search reads (agents,
-- places and their names, whatever writes them: a service, an import, another instance, SQL by hand) now bumps it too,
-- once per transaction, in the same BEFORE STATEMENT trigger function as V20's.
CREATE TRIGGER agent_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.agent
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER agent_name_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.agent_name
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER place_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.place
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER place_name_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.place_name
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
