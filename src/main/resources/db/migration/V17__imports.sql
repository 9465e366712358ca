-- Import jobs (issue 11, item 6): POST /imports runs as a job of the kind IMPORT; what an import has written is
-- recorded per unit (its source identifier, in the unit's own transaction), so that importing the same file again,
-- after a success or a restart that lost the job, writes only what is missing (org.fonds.bulk.ImportJob).
ALTER TABLE archive.job DROP CONSTRAINT job_kind_check;
ALTER TABLE archive.job ADD CONSTRAINT job_kind_check CHECK (kind IN ('FIXITY_CHECK', 'IMPORT'));

-- Which import job runs which file (its SHA-256): no two imports of the same file at once.
ALTER TABLE archive.job ADD COLUMN source_sha256 text CHECK (source_sha256 ~ '^[0-9a-f]{64}$');
CREATE OR REPLACE VIEW job AS SELECT * FROM archive.job;

CREATE TABLE archive.import_source (
    source_id   text        PRIMARY KEY CHECK (length(source_id) BETWEEN 1 AND 1000),
    path        text        CHECK (length(path) <= 2000),
    job_id      uuid        NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);
-- No visibility of its own: reachable only through the API role's grants (afterMigrate.sql).
CREATE VIEW import_source AS SELECT * FROM archive.import_source;

-- No two imports of the same file at once: at most one QUEUED or RUNNING job per digest (a lost one is reported
-- FAILED first: org.fonds.bulk.Imports).
CREATE UNIQUE INDEX job_one_active_import_per_file ON archive.job (source_sha256)
    WHERE state IN ('QUEUED', 'RUNNING');
