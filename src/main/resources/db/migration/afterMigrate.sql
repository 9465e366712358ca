-- Runs after every migration (a Flyway callback), as the owner of the tables: the API's database role (the
-- datasource's user, placeholder fonds_api_role; see application.properties) may use the views in public and
-- nothing in archive. When the API role is the owner itself, nothing is granted, and the application refuses to
-- start (org.fonds.db.EnforcementGuard): the views would then enforce nothing.
DO $grants$
DECLARE
    api text := '${fonds_api_role}';
    view_name text;
BEGIN
    IF api = '' OR api = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = api) THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON SCHEMA archive FROM %I', api);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', api);
    FOR view_name IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'v'
    LOOP
        EXECUTE format('GRANT %s ON public.%I TO %I',
                CASE WHEN view_name IN ('tombstone', 'document_datestamp', 'document_cache_key') THEN 'SELECT' ELSE 'SELECT, INSERT, UPDATE, DELETE' END,
                view_name, api);
    END LOOP;
END
$grants$;
