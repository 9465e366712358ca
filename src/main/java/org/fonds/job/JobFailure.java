package org.fonds.job;

/**
 * A job's work ends with this when it knows why it cannot go on: its message is the job's {@code error}, for the
 * client, where any other exception is reported by its class only (and logged).
 */
public class JobFailure extends RuntimeException {

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
