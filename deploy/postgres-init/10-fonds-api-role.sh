#!/bin/sh
# Run once by the PostgreSQL image on an empty data directory (/docker-entrypoint-initdb.d), as POSTGRES_USER, the
# owner of Fonds' tables whom Flyway migrates as. Creates the API's own login role (FONDS_DB_API_PASSWORD): not the
# owner, not a superuser; the migrations grant it the views (afterMigrate.sql), and the API refuses to start if it
# could bypass them.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -q \
  -v api_password="$FONDS_DB_API_PASSWORD" <<'SQL'
CREATE ROLE fonds_api LOGIN PASSWORD :'api_password';
SQL
