-- The change epoch's bump (V20) took the shard of its backend (pg_backend_pid() % 16) and waited there for any other
-- transaction that held it until that one ended. Two writers whose backends share a shard therefore ran one after the
-- other: an import's two writer threads, each holding its batch's transaction open for a quarter of a second, waited
-- for each other at every batch whenever their pooled connections' pids were equal modulo 16 (seen in
-- pg_stat_statements: 340 ms per bump, two thirds of an import's time).
-- Now a writer bumps the first shard, starting from its own, that no other transaction holds (FOR UPDATE SKIP LOCKED)
-- and waits only when all sixteen are held. The epoch is still the sum of the shards, and every committed bump still
-- adds one to it, at the writer's commit; readers are unchanged. Writers no longer wait for each other at the epoch
-- unless more than sixteen write at once, which also takes away V20's deadlock between two writers on one shard.
CREATE OR REPLACE FUNCTION archive.fonds_search_epoch_bump() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    home smallint := pg_catalog.pg_backend_pid() % 16;
    free smallint;
BEGIN
    IF pg_catalog.current_setting('fonds.search_epoch_bumped', true) IS DISTINCT FROM 'on' THEN
        SELECT e.shard INTO free FROM archive.search_epoch e
            ORDER BY (e.shard - home + 16) % 16 LIMIT 1 FOR UPDATE SKIP LOCKED;
        UPDATE archive.search_epoch SET n = n + 1 WHERE shard = coalesce(free, home);
        -- transaction-local: gone at commit or rollback (and with a rolled-back savepoint, as the bump itself)
        PERFORM pg_catalog.set_config('fonds.search_epoch_bumped', 'on', true);
    END IF;
    RETURN NULL;
END;
$$;
