package org.fonds.fixity;

import java.util.function.Consumer;

/**
 * A kind of resource that stores a fixity digest (texts, media): implemented by its service, so that
 * {@link FixityService} verifies and back-fills every such kind without knowing the features.
 */
public interface FixityChecked {

    /** Verifies every stored resource of this kind, a batch at a time; the number checked. */
    long verifyAll(int batchSize, Consumer<FixityCheck> sink);

    /** How many resources of this kind {@link #verifyAll} checks. */
    long countAll();

    /** How many resources of this kind have no digest yet. */
    long countMissingFixity();

    /** Records the digest of one batch of resources that have none; the number recorded (0 when done). */
    int recordMissingFixity(int batchSize);

    /** Where this kind comes in a report (texts 1, media 2). */
    int order();
}
