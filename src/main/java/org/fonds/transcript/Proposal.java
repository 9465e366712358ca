package org.fonds.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fonds.text.Section;

/**
 * What {@link TranscriptParser} makes of a bracketed transcript: the document it proposes, in the shape of an entry
 * of {@code documents} in the sample archive (request bodies of the API, {@code "@key"} for ids written earlier:
 * {@code @text}, {@code @note_1}, {@code @agent_1}), and everything it found on the way, for the dry run's report.
 *
 * @param normalized the text the spans count in: NFC, {@code \n} line ends, no trailing blanks on a line
 * @param sourceId {@code transcript:} and the SHA-256 of {@code normalized}: the same file gives the same id
 * @param headers header lines found (From, To, No., classification, kind as written, dates, copy numbers...)
 * @param sections the text the document gets: the transcript without its marks
 * @param content the text's content as Fonds lays it out (headings and paragraphs joined by blank lines)
 * @param participants who the headers, the address line and the signature name
 * @param agents the agents the entry refers to as {@code @agent_n}, to be matched by name or created
 * @param marks every mark found, with its span in the file, the words it anchors to and what it became
 * @param unclassified every bracket (or bracket-like mark) that could not be classified: left in the text as written
 * @param entry the proposed document: {@code document}, {@code texts}, {@code participants}, {@code annotations}
 */
public record Proposal(
        String normalized,
        String sourceId,
        List<Header> headers,
        List<Section> sections,
        String content,
        List<ProposedParticipant> participants,
        List<ProposedAgent> agents,
        List<Mark> marks,
        List<Unclassified> unclassified,
        ObjectNode entry) {

    /** Where something is in the file: 1-based line and column of its start, and its offsets in the normalized text. */
    public record Span(int line, int column, int start, int end) {
    }

    /** Words of the text's content a mark anchors to: offsets in {@link Proposal#content()}. */
    public record Anchor(String exact, int start, int end) {
    }

    /** A header line: its field (FROM, TO, COPIES, NUMBER, DATE, CLASSIFICATION, HANDLING, KIND, COPY_NUMBER...). */
    public record Header(String field, String value, Span span, double confidence) {
    }

    /**
     * One mark of the transcript.
     *
     * @param kind what the parser took it for: FOREIGN_TERM, NAME_VARIANT, SUPPLIED, UNCERTAIN_READING, GAP, SIC,
     *     TRANSLATOR_NOTE, EDITOR_NOTE, HANDWRITTEN, STAMP, SIGNATURE
     * @param span the mark in the file (the whole bracket, or {@code ?word?})
     * @param written the mark as written
     * @param anchors the words of the content it anchors to (for a note, its referents)
     * @param confidence how sure the classification is, 0..1
     * @param became what it became: the annotations' types and their indexes in the entry's {@code annotations}, or
     *     what part of another mark it is (a gap inside a handwritten note)
     * @param why the evidence for the classification, in words
     */
    public record Mark(String kind, Span span, String written, List<Anchor> anchors, double confidence,
            List<String> became, String why) {
    }

    /** A bracket that was not classified, with the reason; it stays in the text as written. */
    public record Unclassified(Span span, String written, String reason) {
    }

    /** A participant: role, name as written, copy number, and the key of its agent in {@link Proposal#agents()}. */
    public record ProposedParticipant(String role, String nameAsWritten, String copyNumber, String agentKey,
            Span span, double confidence, boolean supplied) {
    }

    /**
     * An agent the document refers to: to be matched with an existing agent by one of its names, or created.
     *
     * @param key the key the entry uses ({@code agent_1} for {@code "@agent_1"})
     * @param name the name as written
     * @param variant a variant the transcript gives inline ({@code Pak Heon-yeong [Pak Hon Yong]}), or null
     * @param type PERSON or ORGANISATION, from the name's look
     */
    public record ProposedAgent(String key, String name, String variant, String type) {
    }
}
