package org.fonds.transcript;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.text.Section;
import org.fonds.transcript.Proposal.Anchor;
import org.fonds.transcript.Proposal.Header;
import org.fonds.transcript.Proposal.Mark;
import org.fonds.transcript.Proposal.ProposedAgent;
import org.fonds.transcript.Proposal.ProposedParticipant;
import org.fonds.transcript.Proposal.Span;
import org.fonds.transcript.Proposal.Unclassified;

/**
 * Reads a plain-text transcript in the bracket conventions of published translations into a {@link Proposal}: the
 * text without its marks, and each mark as an annotation anchored to its words, with a confidence and its span in
 * the file. Pure: no database, no CDI; {@link TranscriptFormat} matches the agents and writes.
 *
 * <p>The conventions, and how each is told apart (the evidence goes into {@link Mark#why()}):
 * <ul>
 * <li>{@code [Translator's note: …]}, {@code [Editor's note: …]}, {@code [Note: …]}: a note, removed from the text,
 * anchored to the quoted words it names (the last occurrence before it), to "the above paragraph", or else to the
 * sentence before it. A note that describes a hand's mark (circled, underlined, a comment in the margin, a stamp) also
 * gives a MARGINALIA annotation reported by the note: position, lines, line drawn, off the page, and the quoted words
 * that are not in the text as its transcription ({@code …} as gaps).
 * <li>{@code [Handwritten note …]}, {@code [handwritten: …]}, {@code [stamp: …]}: marginalia with a transcription.
 * <li>{@code word [term]}: a lower-case single token that looks transliterated, after a word that is not a function
 * word: FOREIGN_TERM of that word (of the capitalised name before it, with its "the").
 * <li>{@code Name [Variant]}: capitalised after a capitalised name: a MENTION with the inline variant.
 * <li>{@code [words]} otherwise: SUPPLIED; the words stay in the text.
 * <li>{@code ?word?}, {@code [word?]}, {@code [?]}: UNCERTAIN_READING; the word stays in the text.
 * <li>{@code [[one word off the page]]}, {@code [illegible]}, {@code [2 words illegible]}, {@code [text not
 * declassified]}, {@code […]}: GAP with reason and extent; the bracket stays in the text as the gap's placeholder.
 * <li>{@code [sic]}: an EDITOR_NOTE "sic" on the word before it.
 * <li>Headers at the top (From, To, Copies/Cc with copy numbers, No./Nos., Copy No., date lines and date-time groups,
 * classification, handling, the kind as written): removed from the text, into the document and its participants.
 * An address line "To NAME (for BODY)." stays in the text and gives a recipient and a VIA participant; an upper-case
 * name alone at the end is the signature.
 * <li>A short line ending in ":" (or a two- or three-word line ending in ".") between paragraphs is a heading.
 * <li>{@code [p. 12]}, {@code [Page 3]}, {@code [l. 105]}, {@code [End of page 2]}: a PAGE_BREAK of the original at
 * the next word; removed from the text.
 * </ul>
 * Anything else in brackets (empty, a number, a page reference without a page number, an unknown "Label: …", an
 * unbalanced bracket) is reported unclassified and stays in the text as written.
 */
public final class TranscriptParser {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TranscriptParser() {
    }

    /** Parses a whole transcript (one document). */
    public static Proposal parse(String file) {
        return new Run(normalize(file)).run();
    }

    /**
     * NFC, {@code \n} line ends, no BOM, no-break spaces as spaces (copies from web pages are full of them; they
     * carry nothing a transcript means), no blanks at the ends of lines, no blank lines at the end.
     */
    public static String normalize(String file) {
        String s = file.startsWith("\uFEFF") ? file.substring(1) : file;
        s = Normalizer.normalize(s.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC)
                .replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
        s = s.replaceAll("[ \\t\\u00A0]+(?=\\n|$)", "");
        return s.replaceAll("\\n+$", "");
    }

    /** {@code transcript:} and the hex SHA-256 of the normalized text. */
    public static String sourceId(String normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "transcript:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Patterns

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern FROM = Pattern.compile("(?i)from\\s*:\\s*(.+)");
    private static final Pattern TO = Pattern.compile("(?i)(?:to|addressee)\\s*:\\s*(.+)");
    private static final Pattern COPIES = Pattern.compile(
            "(?i)(copies|cc|copy to|copies to|distribution|sent to|repeated to|info)\\s*:\\s*(.*)");
    private static final Pattern NUMBER = Pattern.compile("(?i)(?:nos?\\.|no\\s+(?=\\d)|№|number)\\s*([\\w./–\\-, ]+)");
    private static final Pattern COPY_NUMBER = Pattern.compile(
            "(?i)copy\\s+(?:no\\.?\\s*|№\\s*|number\\s*)?(\\d+)(?:\\s+of\\s+\\d+)?\\.?");
    private static final Pattern CLASSIFICATION = Pattern.compile("(?i)((?:(?:top|strictly|most|absolutely)\\s+)?"
            + "(?:secret|confidential|restricted|unclassified)|special file|eyes only|personal(?: and confidential)?)"
            + "(?:[\\s,;/–—-]+(?:special file|eyes only|personal|of special importance|copy\\s+no\\.?\\s*\\d+))*[.!]?");
    private static final Pattern HANDLING = Pattern.compile(
            "(?i)(flash|immediate|most immediate|operational immediate|priority|routine|urgent|niact|very urgent"
                    + "|eyes only|personal|limited distribution|nodis|exdis|limdis)[.!]?");
    private static final Pattern KIND = Pattern.compile("(?i)((?:ciphered |coded |cipher |encoded |outgoing |incoming "
            + "|circular |secret |special )*(?:telegram|cable|cablegram|airgram|despatch|dispatch|memorandum(?: of "
            + "conversation| for [\\w .]+)?|letter|record of (?:a |the )?conversation|report|minutes|aide-m[ée]moire"
            + "|directive|message|diary))(?:\\s+(?:no\\.?|nos\\.|№)\\s*([\\w./–\\-]+))?[.:]?");
    private static final Pattern SUBJECT = Pattern.compile("(?i)(?:subject|subj\\.?|re)\\s*:\\s*(.+)");
    private static final Pattern DATE_FIELD = Pattern.compile("(?i)(?:date|dated|sent|received)\\s*:\\s*(.+)");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(?:([\\p{L}][\\p{L} .’'-]{1,40}),\\s+)?(\\d{1,2})\\.(\\d{1,2})"
            + "\\.(\\d{4}|\\d{2})(?:[,\\s]+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:\\s*(?:hours|hrs|h))?)?\\.?");
    private static final Pattern COPY_ENTRY = Pattern.compile(
            "(?i)copy\\s+(?:no\\.?\\s*|№\\s*)?\\d+\\s*[-–—:]\\s*[\\p{L}].*");
    private static final Pattern SIGNED_LINE = Pattern.compile(
            "(?i)(?:/s/|\\(signed\\)|signed:?)\\s*(?<name>[\\p{L}][\\p{L}.’' -]{1,60}?)\\.?");
    private static final Pattern DTG = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})Z(?:\\s+([A-Za-z]{3})\\s+(\\d{2,4}))?");
    private static final Pattern DATE_LINE = Pattern.compile("(?i)(?:date\\s*:\\s*)?(?:([\\p{L}][\\p{L} .’'-]{1,40}),\\s+)?"
            + "(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})|(" + MONTHS
            + ")\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))(?:[,\\s—–-]+(?:at\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:(a\\.?m\\.?|"
            + "p\\.?m\\.?)|hours|hrs|h)?(?:\\s*(?:local time|Moscow time|GMT|UTC|Z))?)?\\.?");
    private static final Pattern HEADING = Pattern.compile(
            "(?:The\\s+)?[\\p{Lu}][^.!?:;\\[\\]]{2,100}?\\s+to\\s+(?:the\\s+)?[\\p{Lu}][^.!?:;\\[\\]]{2,100}");
    private static final Pattern ADDRESS = Pattern.compile("To\\s+(?:Comrade\\s+|Comrades\\s+)?"
            + "(?<to>[\\p{Lu}][\\p{L}.’'\\- ]{0,80}?)\\s*(?:\\((?:for|via|through|attention(?: of)?|copy to)\\s+"
            + "(?<via>[^()\\n]{1,80})\\))?\\s*[.:]?");
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?:/s/\\s*|\\(signed\\)\\s*|signed:?\\s*)?(?<name>(?:[\\p{Lu}]\\.\\s*){0,3}[\\p{Lu}][\\p{Lu}’'\\-]{2,}"
                    + "(?:\\s+[\\p{Lu}][\\p{Lu}’'\\-]+){0,2})\\.?");

    private static final Pattern NOTE = Pattern.compile("(?is)(translator|translators|trans\\.|tr\\.|editor|editors|"
            + "editorial|ed\\.|eds\\.|transcriber|compiler|publisher)[’'‘`]?s?[’'‘`]?\\s+(?:note|comment)\\s*[:.\\-–—]?"
            + "\\s*(.*)|(?:note|n\\.b\\.|nb)\\s*:\\s*(.*)");
    private static final Pattern HANDWRITTEN_NOTE = Pattern.compile(
            "(?is)(?:hand-?written|manuscript)\\s+(?:note|comment|notation|inscription|addition|text|resolution)"
                    + "\\s*[:.\\-–—]?\\s*(.*)");
    private static final Pattern HANDWRITTEN = Pattern.compile(
            "(?is)(?:hand-?written|handwriting|in handwriting|manuscript|written by hand)(?<where>\\s+(?:in|on|at|"
                    + "above|below|across|along|over|under|between)\\s+[^:\\[\\]]{1,60})?\\s*:\\s*(?<words>.*)");
    private static final Pattern STAMP = Pattern.compile("(?is)(?:rubber\\s+)?(stamp|seal)(?:\\s*:\\s*(.*))?");
    private static final Pattern SIGNED = Pattern.compile("(?is)(signature|initials|signed)(?:\\s*:\\s*(.*)|\\s+"
            + "(illegible|unreadable|indecipherable|not legible))?");
    private static final Pattern SIC = Pattern.compile("(?i)\\s*sic\\s*!?\\s*");
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…|\\.\\s?\\.\\s?\\.)\\s*");
    private static final Pattern GAP_WORDS = Pattern.compile("(?i).*\\b(illegible|unreadable|indecipherable|"
            + "not declassified|redacted|excised|deleted|withheld|sanitized|blacked out|classified|off the page|"
            + "off page|cut off|torn|damaged|missing|lost|omitted|not reproduced|not translated|gap|blank)\\b.*");
    private static final Pattern EXTENT = Pattern.compile("(?i)\\b(\\d+|one|a|an|two|three|four|five|six|seven|eight"
            + "|nine|ten|several|a few|few)\\s+(?:more\\s+)?(words?|characters?|letters?|lines?|pages?|signs?)\\b");
    private static final Pattern LABEL = Pattern.compile("([\\p{L}][\\p{L} ’'-]{0,30})\\s*:\\s*(.*)", Pattern.DOTALL);
    /** A page of the original starts: "[p. 12]", "[Page 3]", "[l. 105]", "[folio 7v]"; "[End of page 2]". */
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(?:p\\.|pg\\.?|page|folio|fol\\.|f\\.|l\\.|list|"
            + "sheet)\\s*(?<n>\\d{1,5}[a-z]?|[ivxlcdm]{1,8})\\.?|end of (?:page|p\\.)\\s*(?<end>\\d{1,5})\\.?");
    private static final Pattern PAGE = Pattern.compile("(?i)(?:p\\.|pp\\.|page|pages|l\\.|ll\\.|list|folio|f\\.)\\s*"
            + "\\d+.*|\\d+|end of page.*|page break.*");
    private static final Pattern QUOTED = Pattern.compile("“([^”]{1,500})”|\"([^\"]{1,500})\"|(?<![\\p{L}])‘([^’]{1,500})’"
            + "(?![\\p{L}])");
    private static final Pattern LINES = Pattern.compile("(?i)\\blines?\\s+(\\d+)(?:\\s*(?:-|–|—|to|and|through)\\s*"
            + "(\\d+))?");
    private static final Pattern ABOVE_PARAGRAPH = Pattern.compile("(?i)\\b(?:the|this)\\s+(?:above|preceding|previous"
            + "|foregoing|last)\\s+(?:paragraph|passage|section)|\\bparagraph\\s+above\\b|\\bthis paragraph\\b"
            + "|\\bthe paragraph\\b");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("a", 1),
            Map.entry("an", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10));

    // ---------------------------------------------------------------------------------------------------------------
    // One parse

    /** A paragraph (or heading) of the text being built, and where it came from. */
    private static final class Block {
        final StringBuilder out = new StringBuilder();
        final int sourceStart;
        boolean heading;
        boolean suppliedWhole;
        int contentStart;

        Block(int sourceStart) {
            this.sourceStart = sourceStart;
        }
    }

    private enum Where { AT, WHOLE, FIRST_SENTENCE_AFTER, WORD_AFTER }

    /** Words an annotation targets, in a block, resolved to content offsets at the end. */
    private record Target(Block block, int start, int end, Where where, Integer lineStart, Integer lineEnd,
            String margin) {

        static Target at(Block block, int start, int end) {
            return new Target(block, start, end, Where.AT, null, null, null);
        }

        Target with(Integer lineStart, Integer lineEnd, String margin) {
            return new Target(block, start, end, where, lineStart, lineEnd, margin);
        }
    }

    /** An annotation to be: its JSON body without targets, the targets, and the mark it comes from. */
    private record Pending(ObjectNode body, List<Target> targets, String key, int mark) {
    }

    private static final class MarkBuilder {
        final String kind;
        final Span span;
        final String written;
        final List<Target> anchors = new ArrayList<>();
        final double confidence;
        final List<String> became = new ArrayList<>();
        final String why;

        MarkBuilder(String kind, Span span, String written, double confidence, String why) {
            this.kind = kind;
            this.span = span;
            this.written = written;
            this.confidence = confidence;
            this.why = why;
        }
    }

    private record Transcribed(String text, ArrayNode uncertain, ArrayNode gaps) {
    }

    private static final class Run {

        private final String src;
        private final int[] lineStarts;
        private final List<Header> headers = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();
        private final List<MarkBuilder> marks = new ArrayList<>();
        private final List<Unclassified> unclassified = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private final List<ProposedParticipant> participants = new ArrayList<>();
        private final Map<String, ProposedAgent> agents = new LinkedHashMap<>();
        private final List<Target> participantTargets = new ArrayList<>();
        private final List<String> referenceNumbers = new ArrayList<>();
        private String classification;
        private String handling;
        private String kindAsWritten;
        private String date;
        private String dispatched;
        private String subject;
        private String heading;
        /** Whether the header line being read is a paragraph of its own (a heading must be). */
        private boolean lineAlone;
        private int notes;
        private boolean translated;
        /** The words of the running text outside brackets: a bracketed word found there is English. */
        private final java.util.Set<String> vocabulary = new java.util.HashSet<>();

        Run(String normalized) {
            this.src = normalized;
            Matcher words = Pattern.compile("[\\p{L}][\\p{L}’'\\-]*").matcher(src.replaceAll("\\[[^\\]\\n]*\\]", " "));
            while (words.find()) {
                vocabulary.add(Words.fold(words.group()));
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        Proposal run() {
            int pos = headerZone();
            while (pos < src.length()) {
                while (pos < src.length() && src.charAt(pos) == '\n') {
                    pos++;
                }
                if (pos >= src.length()) {
                    break;
                }
                int end = src.indexOf("\n\n", pos);
                end = end < 0 ? src.length() : end;
                body(pos, end);
                pos = end;
            }
            List<Block> kept = blocks.stream().filter(b -> !b.out.toString().isBlank()).toList();
            addressAndSignature(kept);
            headings(kept);
            return finish(kept);
        }

        // ----------------------------------------------------------------------------------------------- headers

        /** Reads the header lines at the top; answers where the body starts. */
        private int headerZone() {
            int pos = 0;
            boolean copies = false;
            while (pos < src.length()) {
                int end = src.indexOf('\n', pos);
                end = end < 0 ? src.length() : end;
                String line = src.substring(pos, end).strip();
                int lead = pos + (src.substring(pos, end).length() - src.substring(pos, end).stripLeading().length());
                if (line.isEmpty()) {
                    copies = false;
                    pos = end + 1;
                    continue;
                }
                Span span = span(lead, lead + line.length());
                lineAlone = end + 1 >= src.length() || src.charAt(end + 1) == '\n';
                if (copies && !isHeader(line) && !line.startsWith("[")) {
                    copyEntry(line, span);
                } else if (!header(line, span)) {
                    return pos;
                } else {
                    copies = COPIES.matcher(line).matches();
                }
                pos = end + 1;
            }
            return pos;
        }

        private boolean isHeader(String line) {
            return FROM.matcher(line).matches() || TO.matcher(line).matches() || COPIES.matcher(line).matches()
                    || NUMBER.matcher(line).matches() || COPY_NUMBER.matcher(line).matches()
                    || CLASSIFICATION.matcher(line).matches() || HANDLING.matcher(line).matches()
                    || DTG.matcher(line).matches() || DATE_LINE.matcher(line).matches()
                    || KIND.matcher(line).matches() || SUBJECT.matcher(line).matches()
                    || DATE_FIELD.matcher(line).matches() || NUMERIC_DATE.matcher(line).matches()
                    || COPY_ENTRY.matcher(line).matches() || markings(line);
        }

        private boolean header(String line, Span span) {
            Matcher m;
            if ((m = FROM.matcher(line)).matches()) {
                headers.add(new Header("FROM", m.group(1), span, 0.95));
                for (String name : names(m.group(1))) {
                    participant("SENDER", name, null, span, 0.9);
                }
            } else if ((m = TO.matcher(line)).matches()) {
                headers.add(new Header("TO", m.group(1), span, 0.95));
                for (String name : names(m.group(1))) {
                    participant("RECIPIENT", name, null, span, 0.9);
                }
            } else if ((m = COPIES.matcher(line)).matches()) {
                headers.add(new Header("COPIES", m.group(2), span, 0.9));
                for (String entry : m.group(2).split("[;,]")) {
                    if (!entry.isBlank()) {
                        copyEntry(entry.strip(), span);
                    }
                }
            } else if (COPY_ENTRY.matcher(line).matches()) {
                copyEntry(line, span);
            } else if ((m = COPY_NUMBER.matcher(line)).matches()) {
                headers.add(new Header("COPY_NUMBER", m.group(1), span, 0.9));
                referenceNumbers.add(line.replaceAll("\\.$", ""));
            } else if ((m = CLASSIFICATION.matcher(line)).matches()) {
                headers.add(new Header("CLASSIFICATION", line, span, 0.9));
                classification = classification == null ? line : classification + "; " + line;
                Matcher copy = Pattern.compile("(?i)copy\\s+no\\.?\\s*(\\d+)").matcher(line);
                if (copy.find()) {
                    headers.add(new Header("COPY_NUMBER", copy.group(1), span, 0.85));
                }
            } else if ((m = HANDLING.matcher(line)).matches()) {
                headers.add(new Header("HANDLING", line, span, 0.8));
                handling = line;
            } else if ((m = KIND.matcher(line)).matches()) {
                headers.add(new Header("KIND", m.group(1), span, 0.85));
                kindAsWritten = kindAsWritten == null ? m.group(1) : kindAsWritten;
                if (m.group(2) != null) {
                    headers.add(new Header("NUMBER", m.group(2), span, 0.85));
                    referenceNumbers.add(m.group(2));
                }
            } else if ((m = NUMBER.matcher(line)).matches()) {
                headers.add(new Header("NUMBER", m.group(1).strip(), span, 0.85));
                referenceNumbers.add(m.group(1).strip());
            } else if ((m = DTG.matcher(line)).matches()) {
                headers.add(new Header("DATE_TIME_GROUP", line, span, 0.9));
                dtg(m);
            } else if ((m = DATE_LINE.matcher(line)).matches()) {
                headers.add(new Header("DATE", line, span, 0.85));
                if (m.group(1) != null) {
                    headers.add(new Header("PLACE", m.group(1).strip(), span, 0.7));
                }
                dateLine(m);
            } else if ((m = NUMERIC_DATE.matcher(line)).matches()) {
                headers.add(new Header("DATE", line, span, 0.75));
                numericDate(m);
            } else if ((m = SUBJECT.matcher(line)).matches()) {
                headers.add(new Header("SUBJECT", m.group(1).strip(), span, 0.9));
                subject = m.group(1).strip();
            } else if (markings(line)) {
                for (String part : line.split("\\s{2,}|\\s+[/|–—]\\s+")) {
                    if (CLASSIFICATION.matcher(part).matches()) {
                        headers.add(new Header("CLASSIFICATION", part, span, 0.85));
                        classification = classification == null ? part : classification + "; " + part;
                    } else {
                        headers.add(new Header("HANDLING", part, span, 0.8));
                        handling = handling == null ? part : handling + "; " + part;
                    }
                }
            } else if (lineAlone && headers.stream().noneMatch(h -> h.field().equals("HEADING"))
                    && line.split("\\s+").length <= 16
                    && HEADING.matcher(line).matches()) {
                headers.add(new Header("HEADING", line, span, 0.6));
                heading = line;
            } else if ((m = DATE_FIELD.matcher(line)).matches()) {
                Matcher d = DATE_LINE.matcher(m.group(1).strip());
                Matcher n = NUMERIC_DATE.matcher(m.group(1).strip());
                headers.add(new Header("DATE", m.group(1).strip(), span, d.matches() || n.matches() ? 0.9 : 0.6));
                if (d.matches()) {
                    dateLine(d);
                } else if (n.matches()) {
                    numericDate(n);
                }
            } else {
                return false;
            }
            return true;
        }

        /** "30.5.1950", "30.05.50": day, month, year, as European typescripts write them. */
        private void numericDate(Matcher m) {
            int year = Integer.parseInt(m.group(4));
            int month = Integer.parseInt(m.group(3));
            int day = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && date == null) {
                date = String.format(Locale.ROOT, "%04d-%02d-%02d", year < 100 ? 1900 + year : year, month, day);
                if (m.group(5) != null) {
                    dispatched = date + String.format(Locale.ROOT, "T%02d:%s", Integer.parseInt(m.group(5)), m.group(6));
                }
            }
        }

        /** "SECRET   NIACT", "Top Secret / Eyes only / Immediate": markings side by side. */
        private static boolean markings(String line) {
            String[] parts = line.split("\\s{2,}|\\s+[/|–—]\\s+");
            if (parts.length < 2) {
                return false;
            }
            for (String part : parts) {
                if (!CLASSIFICATION.matcher(part).matches() && !HANDLING.matcher(part).matches()) {
                    return false;
                }
            }
            return true;
        }

        private void dtg(Matcher m) {
            if (m.group(4) == null) {
                return;
            }
            int month = month(m.group(4));
            int year = Integer.parseInt(m.group(5));
            year = year < 100 ? 1900 + year : year;
            if (month > 0) {
                date = String.format(Locale.ROOT, "%04d-%02d-%s", year, month, m.group(1));
                dispatched = date + "T" + m.group(2) + ":" + m.group(3) + "Z";
            }
        }

        private void dateLine(Matcher m) {
            String day = m.group(2) != null ? m.group(2) : m.group(6);
            String monthName = m.group(3) != null ? m.group(3) : m.group(5);
            String year = m.group(4) != null ? m.group(4) : m.group(7);
            int month = month(monthName);
            if (month > 0 && date == null) {
                date = String.format(Locale.ROOT, "%s-%02d-%02d", year, month, Integer.parseInt(day));
                if (m.group(8) != null && (m.group(9) != null || m.group(10) != null)) {
                    int hour = Integer.parseInt(m.group(8));
                    if (m.group(10) != null && m.group(10).toLowerCase(Locale.ROOT).startsWith("p") && hour < 12) {
                        hour += 12;
                    } else if (m.group(10) != null && m.group(10).toLowerCase(Locale.ROOT).startsWith("a")
                            && hour == 12) {
                        hour = 0;
                    }
                    dispatched = date + String.format(Locale.ROOT, "T%02d:%s", hour,
                            m.group(9) == null ? "00" : m.group(9));
                }
            }
        }

        private static int month(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
            for (int i = 0; i < months.length; i++) {
                if (n.startsWith(months[i])) {
                    return i + 1;
                }
            }
            return 0;
        }

        /** "1. Stalin", "No. 2 – Molotov", "Beria (copy 3)", "Malenkov – copy No. 4". */
        private void copyEntry(String entry, Span span) {
            Matcher lead = Pattern.compile("(?i)(?:copy\\s+)?(?:no\\.?\\s*|№\\s*)?(\\d+)\\s*[.):\\-–—]?\\s+(.+)")
                    .matcher(entry);
            Matcher trail = Pattern.compile("(?i)(.+?)\\s*(?:[\\-–—,]\\s*|\\()(?:copy\\s*)?(?:no\\.?\\s*|№\\s*)?(\\d+)"
                    + "\\)?\\.?").matcher(entry);
            String name = entry.replaceAll("[.;]$", "");
            String copy = null;
            if (lead.matches()) {
                copy = lead.group(1);
                name = lead.group(2).replaceAll("[.;]$", "");
            } else if (trail.matches()) {
                copy = trail.group(2);
                name = trail.group(1);
            }
            headers.add(new Header("COPY_RECIPIENT", entry, span, copy == null ? 0.8 : 0.85));
            participant("COPY_RECIPIENT", name.strip(), copy, span, copy == null ? 0.75 : 0.85);
        }

        private static List<String> names(String value) {
            List<String> names = new ArrayList<>();
            for (String part : value.split(";|,(?![^()]*\\))|\\s+and\\s+")) {
                String name = part.replaceAll("\\(.*?\\)", "").replaceAll("[.]$", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }

        private String participant(String role, String name, String copy, Span span, double confidence) {
            String key = agentKey(name, null);
            participants.add(new ProposedParticipant(role, name, copy, key, span, confidence, false));
            participantTargets.add(null);
            return key;
        }

        private String agentKey(String name, String variant) {
            String folded = Words.fold(name).replaceAll("^the\\s+", "");
            for (ProposedAgent a : agents.values()) {
                if (Words.fold(a.name()).replaceAll("^the\\s+", "").equals(folded)) {
                    if (variant != null && a.variant() == null) {
                        agents.put(a.key(), new ProposedAgent(a.key(), a.name(), variant, a.type()));
                    }
                    return a.key();
                }
            }
            String key = "agent_" + (agents.size() + 1);
            agents.put(key, new ProposedAgent(key, name, variant, agentType(name)));
            return key;
        }

        private static String agentType(String name) {
            return name.matches("(?i).*\\b(the|committee|politburo|ministry|council|party|government|embassy|front"
                    + "|army|bureau|department|office|presidium|secretariat|commission|division|staff|mission|"
                    + "headquarters|command|delegation|union|republic|state|instantsiya|center|centre)\\b.*")
                    ? "ORGANISATION" : "PERSON";
        }

        // ------------------------------------------------------------------------------------------------- body

        /** Reads one paragraph of the body, {@code src[from, to)}, into a block. */
        private void body(int from, int to) {
            Block b = new Block(from);
            blocks.add(b);
            StringBuilder out = b.out;
            int i = from;
            while (i < to) {
                char c = src.charAt(i);
                if (c == '\n') {
                    trimEnd(out);
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    i = skipSpaces(i + 1, to);
                } else if ((c == ' ' || c == '\t') && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
                    i++;
                } else if (c == '[') {
                    int close = closing(i, to);
                    if (close < 0) {
                        unclassified.add(new Unclassified(span(i, i + 1), "[", "no closing bracket in the paragraph"));
                        out.append(c);
                        i++;
                    } else {
                        i = bracket(b, i, close, to);
                    }
                } else if (c == ']') {
                    unclassified.add(new Unclassified(span(i, i + 1), "]", "a closing bracket without an opening one"));
                    out.append(c);
                    i++;
                } else if (c == '?' && uncertainAt(i, to) > 0) {
                    int close = uncertainAt(i, to);
                    String words = src.substring(i + 1, close);
                    String[] readings = words.split("/");
                    int start = out.length();
                    out.append(readings[0]);
                    MarkBuilder mark = mark("UNCERTAIN_READING", i, close + 1, 0.9,
                            "a word between question marks");
                    Target t = Target.at(b, start, out.length());
                    mark.anchors.add(t);
                    ObjectNode reading = JSON.objectNode().put("reading", readings[0]).put("certainty", "LOW");
                    if (readings.length > 1) {
                        ArrayNode alternatives = reading.putArray("alternatives");
                        for (int k = 1; k < readings.length; k++) {
                            alternatives.add(readings[k]);
                        }
                    }
                    annotate(mark, "UNCERTAIN_READING", null, "uncertain_reading", reading, List.of(t), null);
                    i = close + 1;
                } else {
                    out.append(c);
                    i++;
                }
            }
            trimEnd(out);
        }

        /** Where the {@code ?} closing an uncertain reading opened at {@code i} is, or -1. */
        private int uncertainAt(int i, int to) {
            if (i > 0 && !(Character.isWhitespace(src.charAt(i - 1)) || "([“\"‘—–-/".indexOf(src.charAt(i - 1)) >= 0)) {
                return -1;
            }
            if (i + 1 >= to || !Character.isLetterOrDigit(src.charAt(i + 1))) {
                return -1;
            }
            for (int k = i + 1; k < Math.min(to, i + 60); k++) {
                char c = src.charAt(k);
                if (c == '\n' || c == '[' || c == ']') {
                    return -1;
                }
                if (c == '?') {
                    boolean closes = !Character.isWhitespace(src.charAt(k - 1))
                            && (k + 1 >= to || !Character.isLetterOrDigit(src.charAt(k + 1)));
                    return closes ? k : -1;
                }
            }
            return -1;
        }

        /** The index of the bracket closing the one at {@code open}, or -1 (nesting counted). */
        private int closing(int open, int to) {
            int depth = 0;
            for (int k = open; k < to; k++) {
                char c = src.charAt(k);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return k;
                } else if (c == '\n' && k + 1 < to && src.charAt(k + 1) == '\n') {
                    return -1;
                }
            }
            return -1;
        }

        /** Classifies the bracket {@code src[open, close]} and answers where reading goes on. */
        private int bracket(Block b, int open, int close, int to) {
            StringBuilder out = b.out;
            String inner = src.substring(open + 1, close);
            String t = inner.strip();
            int next = close + 1;
            boolean standalone = out.toString().isBlank() && src.substring(next, to).isBlank();
            Matcher m;
            if (t.startsWith("[") && t.endsWith("]")) {
                String gap = t.substring(1, t.length() - 1);
                if (GAP_WORDS.matcher(gap).matches() || ELLIPSIS.matcher(gap).matches()) {
                    gapInText(b, open, close, gap, 0.95, "double brackets saying what is missing");
                    return next;
                }
                return keep(b, open, close, "double brackets whose words say no gap");
            }
            if (t.isEmpty()) {
                return keep(b, open, close, "empty brackets");
            }
            if (SIC.matcher(t).matches()) {
                MarkBuilder mark = mark("SIC", open, close + 1, 0.95, "[sic]");
                Target word = previousWord(b);
                if (word == null) {
                    marks.remove(mark);
                    return keep(b, open, close, "[sic] with no word before it");
                }
                mark.anchors.add(word);
                annotate(mark, "EDITOR_NOTE", "sic: so written in the original", null, null, List.of(word), null);
                return remove(out, next, to);
            }
            if ((m = NOTE.matcher(t)).matches()) {
                String who = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                String noteBody = m.group(1) != null ? m.group(2) : m.group(3);
                String type = who.startsWith("ed") || who.startsWith("compiler") || who.startsWith("publisher")
                        ? "EDITOR_NOTE" : "TRANSLATOR_NOTE";
                translated |= who.startsWith("translator");
                note(b, open, close, standalone, type, stripStrayQuote(noteBody.strip()), noteBody,
                        m.group(1) != null ? 0.95 : 0.85, m.group(1) != null ? "a note named as the " + who + "'s"
                                : "a bracket starting with \"Note:\"");
                return remove(out, next, to);
            }
            if ((m = HANDWRITTEN_NOTE.matcher(t)).matches()) {
                String noteText = stripStrayQuote(t);
                int bodyAt = open + 1 + inner.indexOf(m.group(1).isEmpty() ? t : m.group(1));
                handwritten(b, open, close, standalone, "COMMENT", noteText, m.group(1), bodyAt, 0.9,
                        "a bracket starting with \"Handwritten note\"", true);
                return remove(out, next, to);
            }
            if ((m = HANDWRITTEN.matcher(t)).matches()) {
                // the hand's words: the quoted ones when some are quoted ("Agreed." Signature illegible.)
                String words = m.group("words");
                Matcher quoted = QUOTED.matcher(words);
                if (quoted.find()) {
                    words = quoted.group(1) != null ? quoted.group(1) : quoted.group(2) != null ? quoted.group(2)
                            : quoted.group(3);
                }
                int bodyAt = open + 1 + inner.indexOf(words.isEmpty() ? t : words);
                handwritten(b, open, close, standalone, "COMMENT", null, words, bodyAt, 0.9,
                        "a bracket starting with \"handwritten\"" + (m.group("where") == null ? "" : " and where")
                        + ", then \":\"", false);
                return remove(out, next, to);
            }
            if ((m = STAMP.matcher(t)).matches()) {
                String words = m.group(2) == null ? "" : m.group(2);
                int bodyAt = words.isEmpty() ? close : open + 1 + inner.indexOf(words);
                handwritten(b, open, close, standalone, "STAMP", null, words, bodyAt, 0.9, "a bracket naming a stamp",
                        false);
                return remove(out, next, to);
            }
            if ((m = SIGNED.matcher(t)).matches() && (m.group(2) != null || m.group(3) != null || t.length() < 12)) {
                String words = m.group(2) == null ? "" : m.group(2);
                int bodyAt = words.isEmpty() ? close : open + 1 + inner.indexOf(words);
                handwritten(b, open, close, standalone, "SIGNATURE_OR_INITIALS", null, words, bodyAt, 0.8,
                        "a bracket naming a signature", false);
                return remove(out, next, to);
            }
            if (ELLIPSIS.matcher(t).matches()) {
                gapInText(b, open, close, t, 0.9, "an ellipsis in brackets: words left out");
                return next;
            }
            if (GAP_WORDS.matcher(t).matches() && t.split("\\s+").length <= 8 && !t.endsWith("?")) {
                gapInText(b, open, close, t, 0.9, "brackets saying what is missing");
                return next;
            }
            if (t.equals("?")) {
                Target word = previousWord(b);
                if (word == null) {
                    return keep(b, open, close, "[?] with no word before it");
                }
                MarkBuilder mark = mark("UNCERTAIN_READING", open, close + 1, 0.8, "[?] after a word");
                mark.anchors.add(word);
                annotate(mark, "UNCERTAIN_READING", null, "uncertain_reading", JSON.objectNode()
                        .put("reading", word(b, word)).put("certainty", "LOW"), List.of(word), null);
                return remove(out, next, to);
            }
            if ((m = PAGE_NUMBER.matcher(t)).matches()) {
                boolean end = m.group("end") != null;
                String n = end ? String.valueOf(Integer.parseInt(m.group("end")) + 1) : m.group("n");
                MarkBuilder mark = mark("PAGE_BREAK", open, close + 1, end ? 0.8 : 0.85, end
                        ? "[End of page N]: page N+1 of the original starts with the next word"
                        : "a page number in brackets: that page of the original starts with the next word");
                Target following = new Target(b, out.length(), out.length(), Where.WORD_AFTER, null, null, null);
                mark.anchors.add(following);
                annotate(mark, "PAGE_BREAK", null, "page_break", JSON.objectNode().put("n", n), List.of(following),
                        null);
                return remove(out, next, to);
            }
            if (t.matches("\\d{1,6}")) {
                Target before = previousWord(b);
                if (before != null && word(b, before).matches(".*\\d.*")) {
                    return supplied(b, open, close, t, standalone, 0.8, "a number in brackets after a number: the "
                            + "number the editors read or corrected");
                }
            }
            if (PAGE.matcher(t).matches()) {
                return keep(b, open, close, "a number or a page reference: footnote references and page references "
                        + "without a page number are not read from transcripts");
            }
            if (t.endsWith("?") && t.split("\\s+").length <= 3 && !t.substring(0, t.length() - 1).contains("?")) {
                String words = t.substring(0, t.length() - 1).strip();
                int start = out.length();
                out.append(words);
                MarkBuilder mark = mark("UNCERTAIN_READING", open, close + 1, 0.75, "words in brackets ending in ?");
                Target at = Target.at(b, start, out.length());
                mark.anchors.add(at);
                annotate(mark, "UNCERTAIN_READING", null, "uncertain_reading", JSON.objectNode()
                        .put("reading", words).put("certainty", "MEDIUM"), List.of(at), null);
                return next;
            }
            if ((m = LABEL.matcher(t)).matches() && Words.capitalized(t)) {
                return keep(b, open, close, "a label \"" + m.group(1).strip() + ":\" that is not a known convention");
            }
            if (t.contains("[") || t.contains("]")) {
                return keep(b, open, close, "brackets inside brackets");
            }
            return words(b, open, close, t, standalone, to);
        }

        /** {@code [words]}: a term, a name variant, words supplied, or an untitled note. */
        private int words(Block b, int open, int close, String t, boolean standalone, int to) {
            StringBuilder out = b.out;
            int next = close + 1;
            String[] tokens = t.split("\\s+");
            Target prev = previousWord(b);
            String prevWord = prev == null ? null : word(b, prev);
            boolean sentence = tokens.length >= 6 && Words.capitalized(t) && t.matches("(?s).*[.!]$");
            if (sentence || tokens.length > 12) {
                note(b, open, close, standalone, "TRANSLATOR_NOTE", t, t, 0.5,
                        "a whole sentence in brackets with no name: taken for a note");
                return remove(out, next, to);
            }
            if (prev != null && expands(prevWord, tokens)) {
                return supplied(b, open, close, t, standalone, 0.85, "words in brackets that spell out the word "
                        + "before them (an abbreviation or acronym, or the word with more)");
            }
            if (prev != null && Words.capitalized(t) && Words.capitalized(prevWord)
                    && !Words.FUNCTION.contains(Words.fold(prevWord)) && tokens.length <= 5 && !isSentenceStart(b, prev)) {
                Target name = nameRun(b, prev, tokens[0], tokens.length);
                String written = word(b, name);
                double confidence = Words.fold(written).substring(0, Math.min(2, written.length()))
                        .equals(Words.fold(t).substring(0, Math.min(2, t.length()))) ? 0.9 : 0.75;
                MarkBuilder mark = mark("NAME_VARIANT", open, close + 1, confidence,
                        "capitalised words in brackets after a capitalised name");
                mark.anchors.add(name);
                String key = agentKey(written, t);
                annotate(mark, "MENTION", null, "mention", JSON.objectNode().put("agent_id", "@" + key)
                        .put("name_as_written", written).put("variant_written_inline", t), List.of(name), null);
                return remove(out, next, to);
            }
            if (prev != null && !Words.capitalized(t) && tokens.length <= 3
                    && !Words.FUNCTION.contains(Words.fold(prevWord))
                    && (java.util.Arrays.stream(tokens).noneMatch(this::english) || tokens.length > 1
                            && java.util.Arrays.stream(tokens).filter(w -> !Words.FUNCTION.contains(Words.fold(w)))
                                    .filter(Words::stronglyForeign).count() >= tokens.length - 1)) {
                double foreign = java.util.Arrays.stream(tokens).mapToDouble(Words::foreignness).min().orElse(0);
                Target term = Words.capitalized(prevWord) ? withThe(b, nameRun(b, prev, null, 0)) : prev;
                MarkBuilder mark = mark("FOREIGN_TERM", open, close + 1, tokens.length == 1 ? 0.5 + foreign / 2
                        : 0.4 + foreign / 2, "lower-case " + (tokens.length == 1 ? "token" : "tokens")
                        + " that do not look English, after \"" + prevWord + "\"");
                mark.anchors.add(term);
                String language = Words.languageOf(t);
                ObjectNode details = JSON.objectNode().put("term", t).put("language",
                        language == null ? "und-Latn" : language);
                translated = true;
                annotate(mark, "FOREIGN_TERM", null, "foreign_term", details, List.of(term), null);
                return remove(out, next, to);
            }
            // supplied: the words stay in the text
            boolean function = prevWord != null && Words.FUNCTION.contains(Words.fold(prevWord))
                    || java.util.Arrays.stream(tokens).anyMatch(w -> Words.FUNCTION.contains(Words.fold(w)));
            return supplied(b, open, close, t, standalone, function ? 0.9 : 0.7, function
                    ? "words in brackets next to, or made of, English function words" : "words in brackets that "
                    + "are neither a term after a word nor a variant after a name");
        }

        /**
         * Whether the words in brackets spell out the word before them: its letters as their initials (ROK [Republic of
         * Korea]), the word with more (Ongjin [Ongjin Peninsula]), or an abbreviation's letters in order from the first
         * (Dept [Department]).
         */
        private static boolean expands(String word, String[] tokens) {
            String w = Words.fold(word).replaceAll("[^\\p{L}]", "");
            if (w.length() < 2) {
                return false;
            }
            String first = Words.fold(tokens[0]).replaceAll("[^\\p{L}]", "");
            if (word.equals(word.toUpperCase(Locale.ROOT)) && w.length() <= 6 && tokens.length >= 2) {
                StringBuilder capitals = new StringBuilder();
                StringBuilder initials = new StringBuilder();
                for (String token : tokens) {
                    if (!token.isEmpty()) {
                        initials.append(Words.fold(token).charAt(0));
                        if (Character.isUpperCase(token.charAt(0))) {
                            capitals.append(Words.fold(token).charAt(0));
                        }
                    }
                }
                if (capitals.toString().equals(w) || initials.toString().equals(w)) {
                    return true; // USSR [Union of Soviet Socialist Republics], ROK [Republic of Korea]
                }
            }
            if (tokens.length >= 2 && first.equals(w) && Words.capitalized(String.join(" ", tokens))) {
                return true;
            }
            if (tokens.length == 1 && first.length() > w.length() && first.charAt(0) == w.charAt(0)) {
                int i = 0;
                for (int k = 0; k < first.length() && i < w.length(); k++) {
                    if (first.charAt(k) == w.charAt(i)) {
                        i++;
                    }
                }
                return i == w.length() && w.length() >= 3;
            }
            return false;
        }

        /** {@code [words]} the editors supplied: they stay in the text. */
        private int supplied(Block b, int open, int close, String t, boolean standalone, double confidence,
                String why) {
            StringBuilder out = b.out;
            int next = close + 1;
            int start = out.length();
            out.append(src, open + 1, close);
            trimEnd(out);
            while (start < out.length() && Character.isWhitespace(out.charAt(start))) {
                out.deleteCharAt(start);
            }
            b.suppliedWhole = standalone;
            MarkBuilder mark = mark("SUPPLIED", open, close + 1, confidence, why);
            Target at = Target.at(b, start, out.length());
            mark.anchors.add(at);
            annotate(mark, "SUPPLIED", null, "supplied", JSON.objectNode().put("reason", "[" + t + "]"), List.of(at),
                    null);
            return next;
        }

        /** English on its face, or a word the running text uses outside brackets. */
        private boolean english(String token) {
            return Words.looksEnglish(token) || vocabulary.contains(Words.fold(token));
        }

        /** Whether the word is the first of its sentence (capitalised for that reason alone). */
        private boolean isSentenceStart(Block b, Target word) {
            int k = word.start() - 1;
            while (k >= 0 && Character.isWhitespace(b.out.charAt(k))) {
                k--;
            }
            return k < 0 || Words.endsSentence(b.out, k) && word.end() - word.start() > 0
                    && Words.FUNCTION.contains(Words.fold(word(b, word)));
        }

        /** The run of capitalised words ending with {@code last} (at most four), from the one like {@code like}. */
        private Target nameRun(Block b, Target last, String like, int variantWords) {
            List<Target> run = new ArrayList<>();
            run.add(last);
            Target cur = last;
            while (run.size() < 4) {
                Target before = wordBefore(b, cur.start());
                if (before == null || !Words.capitalized(word(b, before)) || b.out.charAt(before.end()) != ' ') {
                    break;
                }
                String between = b.out.substring(before.end(), cur.start());
                if (!between.equals(" ")) {
                    break;
                }
                run.add(0, before);
                cur = before;
            }
            int from = 0;
            if (like != null) {
                // the name starts at a word like the variant's first; of several, the one whose length is closest
                // to the variant's ("Choe Yong-geon [Ch’oe Yong-gŏn]" twice in a row)
                String head = Words.fold(like).substring(0, Math.min(2, like.length()));
                int best = Integer.MAX_VALUE;
                for (int k = 0; k < run.size(); k++) {
                    int distance = Math.abs(run.size() - k - variantWords);
                    if (Words.fold(word(b, run.get(k))).startsWith(head) && distance <= best) {
                        from = k;
                        best = distance;
                    }
                }
            }
            while (from < run.size() - 1 && (Words.FUNCTION.contains(Words.fold(word(b, run.get(from))))
                    || isSentenceStart(b, run.get(from)) && run.size() - from > 1 && like == null
                    && Words.COMMON.contains(Words.fold(word(b, run.get(from)))))) {
                from++;
            }
            return Target.at(b, run.get(from).start(), last.end());
        }

        /** The name with the "the" before it, as the document writes it: "the Politburo". */
        private Target withThe(Block b, Target name) {
            Target before = wordBefore(b, name.start());
            if (before != null && Words.fold(word(b, before)).equals("the")
                    && b.out.substring(before.end(), name.start()).equals(" ")) {
                return Target.at(b, before.start(), name.end());
            }
            return name;
        }

        private static final Pattern WORD_AT_END = Pattern.compile(
                "([\\p{L}\\p{N}](?:[\\p{L}\\p{N}’'\\-]*[\\p{L}\\p{N}])?)\\s?$");

        /** The word the output ends with (one space after it at most), or null. */
        private Target previousWord(Block b) {
            Matcher m = WORD_AT_END.matcher(b.out);
            return m.find() ? Target.at(b, m.start(1), m.end(1)) : null;
        }

        private Target wordBefore(Block b, int at) {
            Matcher m = WORD_AT_END.matcher(b.out.subSequence(0, at));
            return m.find() ? Target.at(b, m.start(1), m.end(1)) : null;
        }

        private static String word(Block b, Target t) {
            return b.out.substring(t.start(), t.end());
        }

        /** A gap: the bracket stays in the text as its placeholder. */
        private void gapInText(Block b, int open, int close, String words, double confidence, String why) {
            int start = b.out.length();
            b.out.append(src, open, close + 1);
            MarkBuilder mark = mark("GAP", open, close + 1, confidence, why);
            Target at = Target.at(b, start, b.out.length());
            mark.anchors.add(at);
            annotate(mark, "GAP", null, "gap", gap(words), List.of(at), null);
        }

        private static ObjectNode gap(String words) {
            ObjectNode gap = JSON.objectNode().put("reason", gapReason(words));
            Matcher extent = EXTENT.matcher(words);
            if (extent.find()) {
                String q = extent.group(1).toLowerCase(Locale.ROOT);
                Integer quantity = q.matches("\\d+") ? Integer.valueOf(q) : NUMBERS.get(q);
                String unit = extent.group(2).toLowerCase(Locale.ROOT);
                if (quantity != null && quantity > 0) {
                    gap.putObject("extent").put("quantity", quantity).put("unit", unit.startsWith("word") ? "WORDS"
                            : unit.startsWith("line") ? "LINES" : unit.startsWith("page") ? "PAGES" : "CHARACTERS");
                }
            }
            return gap;
        }

        private static String gapReason(String words) {
            String w = words.toLowerCase(Locale.ROOT);
            if (w.matches("(?s).*\\b(off the page|off page|cut off|off the (reproduced|copied) page)\\b.*")) {
                return "OFF_PAGE";
            }
            if (w.matches("(?s).*\\b(illegible|unreadable|indecipherable)\\b.*")) {
                return "ILLEGIBLE";
            }
            if (w.matches("(?s).*\\b(declassified|redacted|excised|withheld|sanitized|blacked out|classified|"
                    + "deleted)\\b.*")) {
                return "REDACTED";
            }
            if (w.matches("(?s).*\\b(torn|damaged|missing|lost)\\b.*")) {
                return "DAMAGED";
            }
            if (w.matches("(?s)\\s*(…|\\.\\s?\\.\\s?\\.)\\s*|.*\\b(omitted|not reproduced|not translated)\\b.*")) {
                return "OMITTED";
            }
            return "OTHER";
        }

        /** Leaves an unclassified bracket in the text as written. */
        private int keep(Block b, int open, int close, String reason) {
            unclassified.add(new Unclassified(span(open, close + 1), src.substring(open, close + 1), reason));
            b.out.append(src, open, close + 1);
            return close + 1;
        }

        /** After a bracket that leaves no words: no double space, no space before punctuation. */
        private int remove(StringBuilder out, int next, int to) {
            boolean nextIsSpaceOrPunct = next >= to || Character.isWhitespace(src.charAt(next))
                    || ".,;:!?)”’\"".indexOf(src.charAt(next)) >= 0;
            if (nextIsSpaceOrPunct && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                trimEnd(out);
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                return skipSpaces(next, to);
            }
            return next;
        }

        private int skipSpaces(int i, int to) {
            while (i < to && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }

        private static void trimEnd(StringBuilder out) {
            while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                out.setLength(out.length() - 1);
            }
        }

        private static String stripStrayQuote(String s) {
            String r = s.strip();
            long opening = r.chars().filter(c -> c == '“').count();
            long closing = r.chars().filter(c -> c == '”').count();
            if (r.endsWith("”") && closing > opening) {
                r = r.substring(0, r.length() - 1).strip();
            }
            if (r.startsWith("“") && opening > closing) {
                r = r.substring(1).strip();
            }
            return r;
        }

        // ------------------------------------------------------------------------------------------------ notes

        /** A translator's or editor's note: its referents, and the mark of a hand it may describe. */
        private void note(Block b, int open, int close, boolean standalone, String type, String noteText, String body,
                double confidence, String why) {
            MarkBuilder mark = mark(type, open, close + 1, confidence, why);
            List<Target> referents = new ArrayList<>();
            List<String> unfound = new ArrayList<>();
            Matcher q = QUOTED.matcher(body);
            while (q.find()) {
                String quoted = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
                Target found = findBefore(b, quoted.strip());
                if (found != null) {
                    referents.add(found);
                } else {
                    unfound.add(quoted);
                }
            }
            String lower = body.toLowerCase(Locale.ROOT);
            if (referents.isEmpty()) {
                if (ABOVE_PARAGRAPH.matcher(body).find()) {
                    Block above = lower.contains("this paragraph") && !standalone ? b : previousBlock(b, standalone);
                    if (above != null) {
                        referents.add(new Target(above, 0, 0, Where.WHOLE, null, null, null));
                    }
                }
                if (referents.isEmpty()) {
                    referents.add(defaultTarget(b, standalone));
                }
            }
            mark.anchors.addAll(referents);
            String key = "note_" + (++notes);
            annotate(mark, type, noteText, null, null, referents, key);
            String kind = handKind(lower);
            if (kind != null) {
                String position = position(lower, kind, standalone);
                boolean offPage = lower.matches("(?s).*\\boff (the )?(reproduced |copied |photocopied )?page\\b.*");
                Transcribed words = unfound.isEmpty() ? null
                        : transcribe(String.join(" ", unfound), bodyOffset(open, close, unfound.get(0)), offPage, mark);
                marginalia(mark, kind, position, words, lower, offPage, referents, key);
            }
        }

        private int bodyOffset(int open, int close, String part) {
            int at = src.substring(open, close).indexOf(part);
            return at < 0 ? open : open + at;
        }

        /** The MARGINALIA of a note that describes a hand's mark (or of a handwritten note or a stamp itself). */
        private void marginalia(MarkBuilder mark, String kind, String position, Transcribed words, String lower,
                boolean offPage, List<Target> referents, String reportedBy) {
            Matcher lines = LINES.matcher(lower);
            Integer lineStart = null;
            Integer lineEnd = null;
            if (lines.find() && !"CIRCLING".equals(kind) && !"UNDERLINING".equals(kind)) {
                lineStart = Integer.valueOf(lines.group(1));
                lineEnd = lines.group(2) == null ? lineStart : Integer.valueOf(lines.group(2));
            }
            String margin = "OVER_TEXT".equals(position) ? null : position;
            List<Target> targets = new ArrayList<>();
            for (Target r : referents) {
                targets.add(r.with(lineStart, lineEnd, margin));
            }
            ObjectNode m = JSON.objectNode().put("kind", kind);
            if (position != null) {
                m.put("position", position);
            }
            m.putObject("hand").put("certainty", "UNKNOWN");
            Matcher medium = Pattern.compile("\\b(?:in|with)\\s+((?:red |blue |black |green |colou?red )?"
                    + "(?:pencil|ink|crayon))\\b").matcher(lower);
            if (medium.find()) {
                m.put("medium", medium.group(1));
            }
            boolean gaps = words != null && (!words.uncertain().isEmpty() || !words.gaps().isEmpty());
            m.put("legibility", lower.matches("(?s).*\\b(illegible|unreadable)\\b.*") && words == null ? "ILLEGIBLE"
                    : gaps || lower.matches("(?s).*\\b(partly|partially) (illegible|legible)\\b.*") ? "PARTLY_LEGIBLE"
                    : "LEGIBLE");
            boolean gapOffPage = words != null && words.gaps().findValuesAsText("reason").contains("OFF_PAGE");
            m.put("off_page", offPage || gapOffPage);
            String connector = lower.matches("(?s).*\\barrow\\b.*") ? "ARROW"
                    : lower.matches("(?s).*\\b(line drawn|drawn line|connecting line|a line (to|from|leading)|"
                    + "lines? connect)\\b.*") ? "LINE" : "NONE";
            // a line or an arrow needs the lines it points to: without them, only the mark is said
            m.put("connector", lineStart == null ? "NONE" : connector);
            if (reportedBy != null) {
                m.put("reported_by_id", "@" + reportedBy);
            }
            if (words != null) {
                ObjectNode tr = m.putObject("transcription").put("text", words.text());
                tr.set("uncertain", words.uncertain());
                tr.set("gaps", words.gaps());
            }
            annotate(mark, "MARGINALIA", null, "marginalia", m, targets, null);
        }

        /** {@code [Handwritten note …]}, {@code [handwritten: …]}, {@code [stamp: …]}, {@code [signature]}. */
        private void handwritten(Block b, int open, int close, boolean standalone, String kind, String noteText,
                String words, int wordsAt, double confidence, String why, boolean asNote) {
            MarkBuilder mark = mark("COMMENT".equals(kind) ? "HANDWRITTEN" : "STAMP".equals(kind) ? "STAMP"
                    : "SIGNATURE", open, close + 1, confidence, why);
            Target target = standalone ? defaultTarget(b, true) : previousWordOr(b);
            mark.anchors.add(target);
            String key = null;
            if (asNote) {
                key = "note_" + (++notes);
                annotate(mark, "TRANSLATOR_NOTE", noteText, null, null, List.of(target), key);
            }
            String lower = (noteText == null ? src.substring(open, close + 1) : noteText).toLowerCase(Locale.ROOT);
            Transcribed t = words == null || words.isBlank() ? null
                    : transcribe(words, wordsAt, lower.contains("off the page"), mark);
            String position = standalone ? "BETWEEN_LINES" : null;
            if (lower.matches("(?s).*\\b(left|right|top|bottom) margin\\b.*|.*\\bin the margin\\b.*")) {
                position = position(lower, kind, standalone);
            }
            marginalia(mark, kind, position, t, lower, lower.matches("(?s).*\\boff (the )?page\\b.*"), List.of(target),
                    key);
        }

        private Target previousWordOr(Block b) {
            Target word = previousWord(b);
            return word != null ? word : defaultTarget(b, false);
        }

        private static String handKind(String lower) {
            if (lower.matches("(?s).*\\bcircled\\b.*")) {
                return "CIRCLING";
            }
            if (lower.matches("(?s).*\\b(underlined|underscored)\\b.*")) {
                return "UNDERLINING";
            }
            if (lower.matches("(?s).*\\b(crossed out|struck through|struck out|stricken)\\b.*")) {
                return "STRIKE_THROUGH";
            }
            if (lower.matches("(?s).*\\b(stamp|seal)\\b.*")) {
                return "STAMP";
            }
            if (lower.matches("(?s).*\\b(signature|initials|initialed|signed)\\b.*")) {
                return "SIGNATURE_OR_INITIALS";
            }
            if (lower.matches("(?s).*\\b(hand-?written|handwriting|by hand|margin|marginal|in pencil|in ink|"
                    + "resolution|inscription|notation)\\b.*")) {
                return "COMMENT";
            }
            return null;
        }

        private static String position(String lower, String kind, boolean standalone) {
            if (lower.matches("(?s).*\\bleft(-hand)? margin\\b.*|.*\\bmargin on the left\\b.*")) {
                return "LEFT";
            }
            if (lower.matches("(?s).*\\bright(-hand)? margin\\b.*|.*\\bmargin on the right\\b.*")) {
                return "RIGHT";
            }
            if (lower.matches("(?s).*\\b(top margin|top of the page|upper margin|at the top)\\b.*")) {
                return "TOP";
            }
            if (lower.matches("(?s).*\\b(bottom margin|bottom of the page|lower margin|at the bottom)\\b.*")) {
                return "BOTTOM";
            }
            if (lower.matches("(?s).*\\b(between the lines|interlinear|above the line|below the line)\\b.*")) {
                return "BETWEEN_LINES";
            }
            if ("CIRCLING".equals(kind) || "UNDERLINING".equals(kind) || "STRIKE_THROUGH".equals(kind)) {
                return "OVER_TEXT";
            }
            return standalone ? "BETWEEN_LINES" : null;
        }

        /**
         * The words of a hand as transcribed: {@code ?word?} uncertain, {@code …} and gap brackets as gaps (off the
         * page when the note says so, else illegible), quotes around the whole dropped. Its marks are reported as
         * parts of the mark they are in.
         */
        private Transcribed transcribe(String words, int at, boolean offPage, MarkBuilder within) {
            ArrayNode uncertain = JSON.arrayNode();
            ArrayNode gaps = JSON.arrayNode();
            StringBuilder sb = new StringBuilder();
            String s = words;
            int shift = 0;
            String stripped = s.stripLeading();
            shift += s.length() - stripped.length();
            s = stripped.stripTrailing();
            if (!s.isEmpty() && "“\"‘".indexOf(s.charAt(0)) >= 0) {
                s = s.substring(1);
                shift++;
            }
            if (!s.isEmpty() && "”\"’".indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(0, s.length() - 1);
            }
            int base = at + shift;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                int ellipsis = c == '…' ? 1 : s.startsWith("...", i) ? 3 : 0;
                if (ellipsis > 0) {
                    trimEnd(sb);
                    gaps.addObject().put("after", sb.length()).put("reason", offPage ? "OFF_PAGE" : "ILLEGIBLE");
                    i = spaceBetween(sb, s, i + ellipsis);
                    nested(within, "GAP", base, i - ellipsis, i);
                } else if (c == '[') {
                    int depth = 0;
                    int end = -1;
                    for (int k = i; k < s.length(); k++) {
                        if (s.charAt(k) == '[') {
                            depth++;
                        } else if (s.charAt(k) == ']' && --depth == 0) {
                            end = k;
                            break;
                        }
                    }
                    if (end < 0) {
                        sb.append(c);
                        i++;
                        continue;
                    }
                    String inner = s.substring(i + 1, end).replaceAll("^\\[|\\]$", "").strip();
                    if (GAP_WORDS.matcher(inner).matches() || ELLIPSIS.matcher(inner).matches()) {
                        trimEnd(sb);
                        ObjectNode gap = gap(inner);
                        ObjectNode g = gaps.addObject().put("after", sb.length()).put("reason",
                                gap.get("reason").asText());
                        if (gap.has("extent")) {
                            g.set("extent", gap.get("extent"));
                        }
                        nested(within, "GAP", base, i, end + 1);
                        i = spaceBetween(sb, s, end + 1);
                    } else {
                        sb.append(inner);
                        i = end + 1;
                    }
                } else if (c == '?' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
                        && s.indexOf('?', i + 1) > i + 1) {
                    int end = s.indexOf('?', i + 1);
                    String reading = s.substring(i + 1, end);
                    if (reading.contains(" ") && reading.split("\\s+").length > 3) {
                        sb.append(c);
                        i++;
                        continue;
                    }
                    int start = sb.length();
                    sb.append(reading);
                    uncertain.addObject().put("start", start).put("end", sb.length()).put("reading", reading)
                            .put("certainty", "LOW");
                    nested(within, "UNCERTAIN_READING", base, i, end + 1);
                    i = end + 1;
                } else if (Character.isWhitespace(c)) {
                    if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                        sb.append(' ');
                    }
                    i++;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            trimEnd(sb);
            for (var g : gaps) {
                if (g.get("after").asInt() > sb.length()) {
                    ((ObjectNode) g).put("after", sb.length());
                }
            }
            return new Transcribed(sb.toString(), uncertain, gaps);
        }

        /** After a gap inside words: a space when words go on on both sides, none before punctuation. */
        private static int spaceBetween(StringBuilder sb, String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (!sb.isEmpty() && i < s.length() && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))
                    && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '?')) {
                sb.append(' ');
            }
            return i;
        }

        private void nested(MarkBuilder within, String kind, int base, int from, int to) {
            MarkBuilder part = new MarkBuilder(kind, span(base + from, base + to), src.substring(base + from, base + to),
                    within.confidence, "inside the " + within.kind.toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " at line " + within.span.line());
            part.became.add("part of the transcription of the MARGINALIA of the mark at line " + within.span.line()
                    + ", column " + within.span.column());
            marks.add(part);
        }

        /** The last occurrence of the words in the text before here: this paragraph, then the three before it. */
        private Target findBefore(Block b, String words) {
            String wanted = words.replaceAll("\\s+", " ");
            int index = blocks.indexOf(b);
            for (int k = index; k >= Math.max(0, index - 3); k--) {
                Block block = blocks.get(k);
                int at = block.out.toString().replace('\n', ' ').lastIndexOf(wanted);
                if (at >= 0) {
                    return Target.at(block, at, at + wanted.length());
                }
            }
            // the words with a gap's bracket between them ("will not [illegible] intervene")
            String[] parts = wanted.split(" ");
            if (parts.length < 2) {
                return null;
            }
            StringBuilder regex = new StringBuilder();
            for (int p = 0; p < parts.length; p++) {
                regex.append(p == 0 ? "" : "\\s+(?:\\[[^\\]]{1,60}\\]\\s+)?").append(Pattern.quote(parts[p]));
            }
            Pattern loose = Pattern.compile(regex.toString());
            for (int k = index; k >= Math.max(0, index - 3); k--) {
                Block block = blocks.get(k);
                Matcher m = loose.matcher(block.out);
                Target last = null;
                while (m.find()) {
                    last = Target.at(block, m.start(), m.end());
                }
                if (last != null) {
                    return last;
                }
            }
            return null;
        }

        private Block previousBlock(Block b, boolean standalone) {
            int index = blocks.indexOf(b);
            for (int k = index - 1; k >= 0; k--) {
                if (!blocks.get(k).out.toString().isBlank()) {
                    return blocks.get(k);
                }
            }
            return standalone ? null : b;
        }

        /**
         * A note with no named referent: the sentence before it in its paragraph; for a note standing alone, the last
         * sentence of the paragraph above it, or else the first of the paragraph after it.
         */
        private Target defaultTarget(Block b, boolean standalone) {
            if (!standalone && !b.out.toString().isBlank()) {
                return lastSentence(b, b.out.length());
            }
            Block above = previousBlock(b, true);
            if (above != null) {
                return lastSentence(above, above.out.length());
            }
            return new Target(b, 0, 0, Where.FIRST_SENTENCE_AFTER, null, null, null);
        }

        private static Target lastSentence(Block b, int end) {
            StringBuilder out = b.out;
            int e = end;
            while (e > 0 && Character.isWhitespace(out.charAt(e - 1))) {
                e--;
            }
            int start = 0;
            for (int k = e - 2; k >= 0; k--) {
                if (Words.endsSentence(out, k) || out.charAt(k) == '\n' && k > 0 && out.charAt(k - 1) == ':') {
                    start = k + 1;
                    break;
                }
            }
            while (start < e && (Character.isWhitespace(out.charAt(start)) || "”’\")".indexOf(out.charAt(start)) >= 0
                    && start < e - 1)) {
                start++;
            }
            return Target.at(b, start, e);
        }

        private static Target firstSentence(Block b) {
            StringBuilder out = b.out;
            for (int k = 0; k < out.length() - 1; k++) {
                if (Words.endsSentence(out, k)) {
                    return Target.at(b, 0, k + 1);
                }
            }
            return Target.at(b, 0, out.length());
        }

        // ------------------------------------------------------------------------------ address, signature, headings

        private void addressAndSignature(List<Block> kept) {
            if (kept.isEmpty()) {
                return;
            }
            Block first = kept.get(0);
            Matcher m = ADDRESS.matcher(first.out);
            if (!first.out.toString().contains("\n") && m.matches() && m.group("to").split("\\s+").length <= 5) {
                String to = m.group("to").strip();
                for (String name : to.split(",\\s*|\\s+and\\s+")) {
                    int at = first.out.indexOf(name, m.start("to"));
                    addressParticipant("RECIPIENT", name, Target.at(first, at, at + name.length()));
                }
                if (m.group("via") != null) {
                    String via = m.group("via").strip();
                    addressParticipant("VIA", via, Target.at(first, m.start("via"), m.start("via") + via.length()));
                }
            }
            Block last = kept.get(kept.size() - 1);
            Matcher s = SIGNATURE.matcher(last.out);
            boolean signature = s.matches() && !CLASSIFICATION.matcher(last.out).matches()
                    && !KIND.matcher(last.out).matches() && !HANDLING.matcher(last.out).matches();
            if (!signature) {
                s = SIGNED_LINE.matcher(last.out);
                signature = s.matches();
            }
            if (!signature && last.suppliedWhole && last.out.length() <= 60 && Words.capitalized(last.out.toString())) {
                s = Pattern.compile("(?<name>.+)").matcher(last.out);
                signature = s.matches();
            }
            if (kept.size() > 1 && !last.out.toString().contains("\n") && signature) {
                String name = s.group("name");
                Target at = Target.at(last, s.start("name"), s.end("name"));
                boolean sender = participants.stream().noneMatch(p -> p.role().equals("SENDER"));
                addressParticipant(sender ? "SENDER" : "SIGNATORY", name, at, last.suppliedWhole);
                Span where = last.suppliedWhole ? span(last.sourceStart, last.sourceStart + last.out.length() + 2)
                        : span(last.sourceStart + s.start("name"), last.sourceStart + s.end("name"));
                MarkBuilder mark = new MarkBuilder("SIGNATURE", where, last.suppliedWhole
                        ? src.substring(where.start(), where.end()) : name, 0.8, last.suppliedWhole
                        ? "a name in brackets alone in the last line: a signature the editors supplied"
                        : "a name alone in the last line");
                mark.anchors.add(at);
                // the bracket was first taken for supplied words: it is this one mark (its annotation stays)
                int supplied = -1;
                for (int k = 0; k < marks.size(); k++) {
                    if (marks.get(k).kind.equals("SUPPLIED") && marks.get(k).span.start() == where.start()) {
                        supplied = k;
                    }
                }
                if (supplied >= 0) {
                    mark.became.addAll(marks.get(supplied).became);
                }
                mark.became.add("participant " + (sender ? "SENDER" : "SIGNATORY"));
                if (supplied >= 0) {
                    marks.set(supplied, mark);
                } else {
                    marks.add(mark);
                }
            }
        }

        private void addressParticipant(String role, String name, Target at) {
            addressParticipant(role, name, at, false);
        }

        /** A participant named in the address or the signature; {@code supplied}: the editors supplied the name. */
        private void addressParticipant(String role, String name, Target at, boolean supplied) {
            String key = agentKey(name, null);
            Block b = at.block();
            participants.add(new ProposedParticipant(role, name, null, key, span(b.sourceStart, b.sourceStart
                    + b.out.length()), 0.85, supplied));
            participantTargets.add(at);
            ObjectNode mention = JSON.objectNode().put("agent_id", "@" + key).put("name_as_written", name);
            pending.add(new Pending(annotationBody("MENTION", null, "mention", mention), List.of(at), null, -1));
        }

        private void headings(List<Block> kept) {
            for (int k = 1; k < kept.size() - 1; k++) {
                String line = kept.get(k).out.toString();
                String[] words = line.split("\\s+");
                boolean colon = line.endsWith(":") && words.length <= 5;
                boolean stop = line.endsWith(".") && words.length <= 3
                        && !java.util.Set.of("i", "we", "he", "she", "they", "it", "you", "this", "that")
                        .contains(Words.fold(words[0]));
                if (!line.contains("\n") && line.length() <= 40 && Words.capitalized(line) && (colon || stop)
                        && !kept.get(k - 1).heading) {
                    kept.get(k).heading = true;
                }
            }
        }

        // ------------------------------------------------------------------------------------------------ finish

        private Proposal finish(List<Block> kept) {
            List<Section> sections = new ArrayList<>();
            String heading = null;
            List<String> paragraphs = new ArrayList<>();
            StringBuilder content = new StringBuilder();
            for (Block b : kept) {
                if (!content.isEmpty()) {
                    content.append("\n\n");
                }
                b.contentStart = content.length();
                content.append(b.out);
                if (b.heading) {
                    if (!paragraphs.isEmpty() || heading != null) {
                        sections.add(new Section(heading, List.copyOf(paragraphs)));
                    }
                    heading = b.out.toString();
                    paragraphs.clear();
                } else {
                    paragraphs.add(b.out.toString());
                }
            }
            if (!paragraphs.isEmpty() || heading != null) {
                sections.add(new Section(heading, paragraphs.isEmpty() ? List.of(heading) : List.copyOf(paragraphs)));
            }
            String text = content.toString();
            String termLanguage = documentTermLanguage();

            ArrayNode annotations = JSON.arrayNode();
            List<List<Integer>> byMark = new ArrayList<>();
            for (int k = 0; k < marks.size(); k++) {
                byMark.add(new ArrayList<>());
            }
            for (Pending p : pending) {
                ObjectNode body = p.body().deepCopy();
                ArrayNode targets = JSON.arrayNode();
                for (Target t : p.targets()) {
                    Anchor a = resolve(t, kept, text);
                    if (a == null || a.start() >= a.end()) {
                        continue;
                    }
                    ObjectNode target = targets.addObject().put("text_id", "@text").put("exact", a.exact());
                    int occurrence = occurrence(text, a);
                    if (occurrence > 1) {
                        target.put("occurrence", occurrence);
                    }
                    if (t.lineStart() != null) {
                        target.put("line_start", t.lineStart()).put("line_end", t.lineEnd());
                    }
                    if (t.margin() != null) {
                        target.put("margin", t.margin());
                    }
                }
                if (targets.isEmpty()) {
                    continue;
                }
                ObjectNode annotation = JSON.objectNode();
                if (p.key() != null) {
                    annotation.put("key", p.key());
                }
                annotation.setAll(body);
                if (annotation.path("foreign_term").path("language").asText().equals("und-Latn")
                        && termLanguage != null) {
                    ((ObjectNode) annotation.get("foreign_term")).put("language", termLanguage);
                }
                annotation.set("targets", targets);
                if (annotation.path("supplied").has("reason")) {
                    ((ObjectNode) annotation.get("supplied")).put("reason", "Supplied by the "
                            + (translated ? "translator" : "editor") + ": "
                            + annotation.get("supplied").get("reason").asText());
                }
                annotations.add(annotation);
                if (p.mark() >= 0) {
                    byMark.get(p.mark()).add(annotations.size() - 1);
                }
            }

            List<Mark> found = new ArrayList<>();
            for (int k = 0; k < marks.size(); k++) {
                MarkBuilder mb = marks.get(k);
                List<Anchor> anchors = mb.anchors.stream().map(t -> resolve(t, kept, text))
                        .filter(a -> a != null).toList();
                List<String> became = new ArrayList<>(mb.became);
                for (int index : byMark.get(k)) {
                    became.add(annotations.get(index).get("type").asText() + " annotations[" + index + "]");
                }
                if (became.isEmpty()) {
                    became.add("nothing: its words were not found in the text");
                }
                found.add(new Mark(mb.kind, mb.span, mb.written, anchors, mb.confidence, became, mb.why));
            }
            found.sort(java.util.Comparator.comparingInt(mk -> mk.span().start()));

            ObjectNode entry = JSON.objectNode();
            entry.set("document", document(kept));
            ObjectNode textBody = entry.putArray("texts").addObject().put("key", "text").putObject("text")
                    .put("role", translated ? "TRANSLATION" : "ORIGINAL").put("language", "en");
            ArrayNode jsonSections = textBody.putArray("sections");
            for (Section s : sections) {
                ObjectNode section = jsonSections.addObject();
                section.put("heading", s.heading());
                ArrayNode ps = section.putArray("paragraphs");
                s.paragraphs().forEach(ps::add);
            }
            ArrayNode people = entry.putArray("participants");
            for (ProposedParticipant p : participants) {
                ObjectNode participant = people.addObject().put("agent_id", "@" + p.agentKey()).put("role", p.role())
                        .put("name_as_written", p.nameAsWritten());
                if (p.copyNumber() != null) {
                    participant.put("copy_number", p.copyNumber());
                }
                if (p.supplied()) {
                    participant.put("supplied", true);
                }
                if (date != null && p.role().equals("SENDER")) {
                    participant.put("date", date);
                }
            }
            entry.set("annotations", annotations);
            return new Proposal(src, sourceId(src), List.copyOf(headers), List.copyOf(sections), text,
                    List.copyOf(participants), List.copyOf(agents.values()), List.copyOf(found),
                    List.copyOf(unclassified), entry);
        }

        /** The language most of the terms are in, by their look (terms that do not say take it). */
        private String documentTermLanguage() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Pending p : pending) {
                String language = p.body().path("foreign_term").path("language").asText(null);
                if (language != null && !language.startsWith("und")) {
                    counts.merge(language, 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        private ObjectNode document(List<Block> kept) {
            ObjectNode d = JSON.objectNode();
            String kindWritten = kindAsWritten == null ? "" : kindAsWritten.toLowerCase(Locale.ROOT);
            String kind = kindWritten.matches(".*(telegram|cable|airgram|despatch|dispatch|message).*") ? "CABLE"
                    : kindWritten.contains("conversation") ? "RECORD_OF_CONVERSATION"
                    : kindWritten.contains("memorandum") || kindWritten.contains("aide") ? "MEMORANDUM"
                    : kindWritten.contains("letter") ? "LETTER" : kindWritten.contains("report") ? "REPORT"
                    : kindWritten.contains("minutes") ? "MINUTES" : kindWritten.contains("diary") ? "DIARY"
                    : kindWritten.contains("directive") ? "MEMORANDUM" : "OTHER";
            d.put("kind", kind);
            if (kindAsWritten != null) {
                d.put("kind_as_written", kindAsWritten.length() > 500 ? kindAsWritten.substring(0, 500)
                        : kindAsWritten);
            }
            d.put("title", title(kept));
            d.put("visibility", "DRAFT");
            String terms = documentTermLanguage();
            String language = terms == null ? null : terms.split("-")[0];
            if (language != null) {
                d.putArray("languages").add(language);
            }
            if (date != null) {
                d.put("date", date);
            }
            if (dispatched != null) {
                d.put("dispatched", dispatched);
            }
            if (classification != null) {
                d.put("classification", classification);
            }
            if (handling != null) {
                d.put("handling", handling);
            }
            if (!referenceNumbers.isEmpty()) {
                ArrayNode numbers = d.putArray("reference_numbers");
                referenceNumbers.stream().distinct().forEach(numbers::add);
            }
            d.putObject("source").put("citation", "Imported from a bracketed transcript (" + sourceId(src) + ").");
            return d;
        }

        private String title(List<Block> kept) {
            String kind = kindAsWritten != null ? kindAsWritten.substring(0, 1).toUpperCase(Locale.ROOT)
                    + kindAsWritten.substring(1) : "Transcript";
            String from = participants.stream().filter(p -> p.role().equals("SENDER")).map(ProposedParticipant::nameAsWritten)
                    .findFirst().orElse(null);
            String to = participants.stream().filter(p -> p.role().equals("RECIPIENT"))
                    .map(ProposedParticipant::nameAsWritten).findFirst().orElse(null);
            String title = heading != null ? kind + ": " + heading
                    : kind + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to)
                    + (subject == null ? "" : ": " + subject);
            if (from == null && to == null && subject == null && heading == null && !kept.isEmpty()) {
                String first = kept.get(0).out.toString().replace('\n', ' ');
                title += ": " + (first.length() > 80 ? first.substring(0, 80).replaceAll("\\s+\\S*$", "") + "…" : first);
            }
            return title.length() > 500 ? title.substring(0, 499) + "…" : title;
        }

        private Anchor resolve(Target t, List<Block> kept, String text) {
            Block b = t.block();
            int start = t.start();
            int end = t.end();
            if (t.where() == Where.WHOLE) {
                start = 0;
                end = b.out.length();
            } else if (t.where() == Where.WORD_AFTER) {
                // the first word at or after the mark; at a block's end (or in a block left empty), the next block's
                Block in = b;
                int from = Math.min(start, b.out.length());
                while (in != null) {
                    String words = in.out.toString();
                    while (from < words.length() && !Character.isLetterOrDigit(words.charAt(from))) {
                        from++;
                    }
                    if (kept.contains(in) && from < words.length()) {
                        int to = from;
                        while (to < words.length() && !Character.isWhitespace(words.charAt(to))) {
                            to++;
                        }
                        while (to > from + 1 && ".,;:!?)”’\"".indexOf(words.charAt(to - 1)) >= 0) {
                            to--;
                        }
                        b = in;
                        start = from;
                        end = to;
                        break;
                    }
                    int index = blocks.indexOf(in);
                    in = index + 1 < blocks.size() ? blocks.get(index + 1) : null;
                    from = 0;
                }
                if (in == null) {
                    return null;
                }
            } else if (t.where() == Where.FIRST_SENTENCE_AFTER) {
                int index = blocks.indexOf(b);
                Block after = null;
                for (int k = index + 1; k < blocks.size(); k++) {
                    if (kept.contains(blocks.get(k))) {
                        after = blocks.get(k);
                        break;
                    }
                }
                if (after == null) {
                    return null;
                }
                Target first = firstSentence(after);
                b = after;
                start = first.start();
                end = first.end();
            }
            if (!kept.contains(b) || end <= start) {
                return null;
            }
            int s = b.contentStart + start;
            int e = b.contentStart + end;
            return new Anchor(text.substring(s, e), s, e);
        }

        private static int occurrence(String text, Anchor a) {
            int n = 0;
            for (int i = text.indexOf(a.exact()); i >= 0 && i <= a.start(); i = text.indexOf(a.exact(), i + 1)) {
                n++;
            }
            return n;
        }

        // ------------------------------------------------------------------------------------------------ helpers

        private MarkBuilder mark(String kind, int start, int end, double confidence, String why) {
            MarkBuilder mark = new MarkBuilder(kind, span(start, end), src.substring(start, end),
                    Math.round(confidence * 100) / 100.0, why);
            marks.add(mark);
            return mark;
        }

        private void annotate(MarkBuilder mark, String type, String noteText, String field, ObjectNode details,
                List<Target> targets, String key) {
            pending.add(new Pending(annotationBody(type, noteText, field, details), List.copyOf(targets), key,
                    marks.indexOf(mark)));
        }

        private static ObjectNode annotationBody(String type, String noteText, String field, ObjectNode details) {
            ObjectNode body = JSON.objectNode().put("type", type);
            if (noteText != null) {
                body.put("note_text", noteText);
            }
            if (field != null) {
                body.set(field, details);
            }
            return body;
        }

        private Span span(int start, int end) {
            int line = java.util.Arrays.binarySearch(lineStarts, start);
            line = line >= 0 ? line : -line - 2;
            return new Span(line + 1, start - lineStarts[line] + 1, start, end);
        }
    }
}
