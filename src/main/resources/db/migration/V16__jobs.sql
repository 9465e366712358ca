-- Long work as jobs (issue 14: a fixity check of the whole archive; the imports of issue 11 next): the request is
-- answered 202 with the job's URL, which reports its progress while it runs and its result when it is done.
-- A job runs on the instance that accepted it, which writes its progress (and so updated_at, its heartbeat) at least
-- every few seconds. A RUNNING or QUEUED job whose heartbeat is older than fonds.jobs.lost-after belongs to an
-- instance that stopped: it is reported FAILED, never left running forever (org.fonds.job.Jobs).
CREATE TABLE archive.job (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('FIXITY_CHECK')),
    state         text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz NOT NULL,
    total         bigint      CHECK (total >= 0),
    done          bigint      NOT NULL DEFAULT 0 CHECK (done >= 0),
    failed        bigint      NOT NULL DEFAULT 0 CHECK (failed >= 0),
    result        jsonb,
    error         text,
    CHECK ((state IN ('SUCCEEDED', 'FAILED')) = (finished_at IS NOT NULL))
);
CREATE INDEX job_kind_requested_at_idx ON archive.job (kind, requested_at DESC, id DESC);

-- A job has no visibility of its own: reachable only through the API role's grants (afterMigrate.sql).
CREATE VIEW job AS SELECT * FROM archive.job;
