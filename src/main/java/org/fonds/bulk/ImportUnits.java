package org.fonds.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** Where an {@link ImportFormat} hands what it reads: the import job behind {@code POST /imports}. */
public interface ImportUnits {

    /**
     * One unit of the file, usually one document with everything it embeds, which lands whole or not at all.
     *
     * @param line the line of the file where the unit starts (1-based), named in its problems and in the report
     * @param sourceId what identifies the unit in its source, the same in every run of the same file (NDJSON: the
     *     resource's type and id; TEI: the file's and the {@code div}'s identifier; a transcript: the digest of its
     *     text). A unit whose sourceId an earlier import has written is skipped: importing a file twice creates
     *     nothing new.
     * @param report what the format found in the unit (marks, confidence, what it could not classify), shown in the
     *     job's report, in a dry run too; null when there is nothing to say
     * @param write writes the unit, run by the job inside a transaction it opens (the services' own transactions
     *     join it) and not at all in a dry run; answers the path of the resource it made, e.g.
     *     {@code /documents/0193a5b2-…}. A {@link org.fonds.http.ProblemException} or a constraint violation it
     *     throws rolls the unit back and is reported as the unit's problem; the job goes on with the next unit.
     */
    void unit(long line, String sourceId, JsonNode report, Supplier<String> write);

    /** A part of the file that cannot become a unit (not parseable, incomplete): reported with its line. */
    void problem(long line, String detail);

    /**
     * The units after this one may refer to rows that the units before it write (documents to the agents and places
     * before them, links to the documents): they are written only once every unit before has been committed. Batches
     * are written by several threads at once, and a row that another batch has not yet inserted is not there for a
     * foreign key to wait on. A no-op for a receiver that writes the units one after the other.
     */
    default void barrier() {
    }
}
