package org.fonds.bulk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.job.JobState;

/** An import, as it runs and once done. */
@Schema(name = "ImportJob", description = "An import of a file, run in the background: its progress while it runs, "
        + "what it wrote, skipped and refused.")
public record ImportJob(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "RUNNING") JobState state,
        @Schema(required = true, description = "The format that reads the file, chosen by its media type.",
                examples = "NDJSON") String format,
        @Schema(required = true, description = "Whether the import only validates (nothing is kept).",
                examples = "false") boolean dryRun,
        @Schema(required = true, description = "SHA-256 of the file, lowercase hex.",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(required = true, description = "Who asked for it (as the history names actors).",
                examples = "user:archivist") String requestedBy,
        @Schema(required = true) OffsetDateTime requestedAt,
        @Schema(nullable = true, required = true) OffsetDateTime startedAt,
        @Schema(nullable = true, required = true) OffsetDateTime finishedAt,
        @Schema(nullable = true, required = true, description = "How many lines the file has.", examples = "1200")
        Long totalLines,
        @Schema(required = true, description = "How many lines have been read so far.", examples = "300")
        long linesRead,
        @Schema(required = true, description = "Units (a document with all it embeds, an agent…) written; in a dry "
                + "run, those that would be.", examples = "290") long written,
        @Schema(required = true, description = "Units an earlier import has written already (by their source "
                + "identifier): left alone.", examples = "8") long skipped,
        @Schema(required = true, description = "Units and lines refused: each is a problem.", examples = "2")
        long failed,
        @Schema(nullable = true, required = true, description = "Units and lines done per second so far; null "
                + "before the first.", examples = "2500.5") Double ratePerSecond,
        @Schema(nullable = true, required = true, description = "Seconds left at that rate; 0 when finished, null "
                + "while unknown.", examples = "2") Long estimatedSecondsLeft,
        @Schema(required = true, description = "The first " + ImportRun.KEPT + " problems found, by line.")
        List<ImportProblem> problems,
        @Schema(required = true, description = "How many problems there are in all.", examples = "2")
        long problemCount,
        @Schema(required = true, description = "What the format found in the first " + ImportRun.KEPT + " units "
                + "that it reports on (marks, confidence…); NDJSON reports nothing.") List<UnitReport> reports,
        @Schema(required = true, description = "How many units the format reported on.", examples = "0")
        long reportCount,
        @Schema(required = true, description = "The paths of the first " + ImportRun.KEPT + " resources written.",
                examples = "[\"/documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\"]") List<String> paths,
        @Schema(required = true, description = "How many resources were written.", examples = "290") long pathCount,
        @Schema(nullable = true, required = true, description = "Why it failed, when it did (the units written "
                + "before stay; import the file again to write the rest).") String error) {

    /** A unit or line that was not imported. */
    @Schema(name = "ImportProblem", description = "A line or unit of the file that was not imported, as an RFC 9457 "
            + "problem with the line where it starts.")
    public record ImportProblem(
            @Schema(required = true, description = "The line (1-based) where the unit starts.", examples = "17")
            long line,
            @Schema(required = true, examples = "/problems/validation-failed") String type,
            @Schema(required = true, examples = "Unit not imported") String title,
            @Schema(required = true, examples = "The line is not JSON: Unexpected end-of-input") String detail) {
    }

    /** What a format found in a unit. */
    @Schema(name = "ImportUnitReport", description = "What the format found in one unit of the file.")
    public record UnitReport(
            @Schema(required = true, examples = "1") long line,
            @Schema(required = true, description = "What identifies the unit in its source.",
                    examples = "DOCUMENT:0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") String sourceId,
            @Schema(required = true, description = "The format's own report.") Map<String, Object> report) {
    }
}
