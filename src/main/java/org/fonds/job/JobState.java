package org.fonds.job;

/** Where a job is: waiting for the runner, running, or finished one way or the other. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
