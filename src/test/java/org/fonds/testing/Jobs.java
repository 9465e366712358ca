package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.response.ValidatableResponse;

/** Background jobs (imports, fixity checks) as a client follows them: GET their URL until they have finished. */
public final class Jobs {

    private Jobs() {
    }

    /** The job at {@code location} once SUCCEEDED or FAILED (polled every 50 ms, for 60 s at the most). */
    public static ValidatableResponse finished(String location) {
        for (int i = 0; i < 1200; i++) {
            ValidatableResponse job = api().get(location).then().statusCode(200);
            String state = job.extract().path("state");
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the job at " + location + " did not finish in 60 s");
    }
}
