package org.fonds.bulk;

import java.io.IOException;
import java.io.InputStream;

/**
 * One shape in which holdings come into Fonds through {@code POST /imports}: Fonds' own NDJSON, a TEI edition, a
 * transcript in the bracket conventions of published translations. A format only reads: it cuts the file into units
 * (usually one document with what it embeds) and hands each to {@link ImportUnits} with the code that writes it; the
 * import job decides whether and when that code runs (not in a dry run, not for a unit imported before), each unit in
 * a transaction of its own, so that a document lands whole or not at all. Formats are CDI beans; the job picks one by
 * the request's {@code Content-Type}.
 */
public interface ImportFormat {

    /** The media type this format reads, as {@code POST /imports} receives it, e.g. {@code application/x-ndjson}. */
    String mediaType();

    /** A short name for the job's report and the spec, e.g. {@code NDJSON}, {@code TEI}, {@code TRANSCRIPT}. */
    String name();

    /**
     * Reads the file and hands each unit to {@code units}, in the file's order. It writes nothing itself. A part of the
     * file that cannot become a unit is reported with {@link ImportUnits#problem} and reading goes on when it can; an
     * {@link IOException} or an unchecked exception ends the job as FAILED (units already written stay).
     */
    void read(InputStream file, ImportUnits units) throws IOException;

    /**
     * Whether the code of its units may run on several threads at once, each batch in a transaction of its own
     * (imports.writers): true when a unit's write shares no state with the reading or with other units.
     */
    default boolean concurrentWrites() {
        return false;
    }
}
