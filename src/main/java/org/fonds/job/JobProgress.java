package org.fonds.job;

/** What a job's work reports as it goes; cheap to call for every item (written at most every second). */
public interface JobProgress {

    /** How many items the work has in all (for the rate's estimate of the time left). */
    void total(long total);

    /** One more item done; {@code failed} when it went wrong. */
    void item(boolean failed);
}
