package org.fonds.tei;

import static org.fonds.tei.TeiReader.attr;
import static org.fonds.tei.TeiReader.child;
import static org.fonds.tei.TeiReader.children;
import static org.fonds.tei.TeiReader.elements;
import static org.fonds.tei.TeiReader.xmlAttr;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.fonds.annotation.AnnotationInput;
import org.fonds.annotation.AnnotationType;
import org.fonds.annotation.DocumentPartName;
import org.fonds.annotation.Footnote;
import org.fonds.annotation.TargetInput;
import org.fonds.document.DocumentInput;
import org.fonds.document.DocumentKind;
import org.fonds.document.SourceCitation;
import org.fonds.link.LinkInput;
import org.fonds.link.LinkType;
import org.fonds.participant.ParticipantInput;
import org.fonds.participant.ParticipantRole;
import org.fonds.text.Section;
import org.fonds.text.TextInput;
import org.fonds.text.TextRole;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A volume of the Foreign Relations of the United States (TEI as the Office of the Historian publishes it in
 * {@code HistoryAtState/frus}) read as Fonds documents: one per {@code div type="document"}, its attachments
 * ({@code frus:attachment}) as documents of their own linked to it (ENCLOSURE_OF).
 * <ul>
 * <li>the heading is the title, its {@code persName type="from"/"to"} the sender and recipient, the kind is read from
 * its words and the source note's ("Telegram", "Memorandum of Conversation"…);</li>
 * <li>the date is {@code frus:doc-dateTime-min/max}: one day when they span it, else the instant with its offset (a
 * telegram's time), else the days they span; the dateline's {@code date/@when} when they are absent; the dateline's
 * place is the place of origin;</li>
 * <li>the source note ({@code note type="source"}, or the heading's first footnote) is the source citation; the
 * footnotes in the text are FOOTNOTEs at the word before them, with their printed number;</li>
 * <li>{@code closer/signed} is the signatory, its name as printed ("[Acheson]" when the editors supplied it).</li>
 * </ul>
 * The ids are derived from the volume's and the div's ids, so that importing a volume twice creates nothing new and an
 * enclosure can name its covering document. Agents and places are named by their words (the import links a name to
 * the one agent of the archive that has it as a variant, TeiFormat#withKnownAgents).
 *
 * <p>Written by hand: FRUS is one project's use of TEI, and no library maps it to this model.
 */
final class FrusReader {

    static final String FRUS_NS = "http://history.state.gov/frus/ns/1.0";

    /** One document of a volume, with its enclosures. */
    record Document(String divId, long line, TeiReader.Read read, List<TeiReader.Read> enclosures,
            List<LinkInput> enclosureLinks) {
    }

    private final String volume;
    private final String volumeTitle;
    private final Map<UUID, TeiReader.AgentRef> agents = new LinkedHashMap<>();
    private final Map<UUID, String> places = new LinkedHashMap<>();
    /** Every element of the volume in document order, by its position; and the page breaks ({@code pb} with an n). */
    private final Map<Element, Integer> order = new java.util.IdentityHashMap<>();
    private final List<Element> pageBreaks = new ArrayList<>();

    private FrusReader(String volume, String volumeTitle) {
        this.volume = volume;
        this.volumeTitle = volumeTitle;
    }

    /** Whether the element is a FRUS volume: a TEI with document divs. */
    static boolean isVolume(Element tei) {
        return tei.getElementsByTagNameNS(Xml.TEI_NS, "div").getLength() > 0 && documentDivs(tei).size() > 0;
    }

    static List<Document> read(Element tei, java.util.function.ToLongFunction<Element> lines) {
        String volume = xmlAttr(tei, "id");
        if (volume == null) {
            throw new TeiReader.Unreadable("The FRUS volume's TEI element has no xml:id.");
        }
        String title = null;
        for (Element t : children(child(child(child(tei, "teiHeader"), "fileDesc"), "titleStmt"), "title")) {
            if (title == null || "complete".equals(attr(t, "type"))) {
                title = words(t, false);
            }
        }
        FrusReader reader = new FrusReader(volume, title == null || title.isEmpty() ? null : cut(title, 1000));
        wrapLooseWords(tei);
        org.w3c.dom.NodeList all = tei.getElementsByTagNameNS("*", "*"); // document order
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            reader.order.put(e, i);
            if ("pb".equals(e.getLocalName()) && Xml.TEI_NS.equals(e.getNamespaceURI()) && attr(e, "n") != null) {
                reader.pageBreaks.add(e);
            }
        }
        List<Document> documents = new ArrayList<>();
        for (Element div : documentDivs(tei)) {
            documents.add(reader.document(div, lines.applyAsLong(div)));
        }
        return documents;
    }

    /**
     * An item that holds paragraphs and also words outside them ({@code <item>Reports from Ongjin: <p>…</p> None after
     * that.</item>}): each run of those words, with the elements among them, is put in a paragraph of its own, where it
     * stands, before the volume's order is taken. An item with paragraphs is read by its paragraphs
     * ({@link #entries}), which would lose those words.
     */
    private static void wrapLooseWords(Element tei) {
        org.w3c.dom.NodeList items = tei.getElementsByTagNameNS(Xml.TEI_NS, "item");
        List<Element> mixed = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (elements(item).stream().anyMatch(c -> "p".equals(c.getLocalName()))) {
                mixed.add(item); // the list is live: changed only after this loop
            }
        }
        for (Element item : mixed) {
            List<Node> run = new ArrayList<>();
            for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && isBlock(c)) {
                    wrap(run);
                    run.clear();
                } else {
                    run.add(n);
                }
            }
            wrap(run);
        }
    }

    /**
     * A paragraph, a list, a table, or what holds paragraphs (a block quotation) but a note: not words of a
     * paragraph.
     */
    private static boolean isBlock(Element e) {
        return switch (e.getLocalName()) {
            case "p", "ab", "list", "table", "lg" -> true;
            case "note", "pb" -> false; // a footnote of the words, a page break among them
            default -> e.getElementsByTagNameNS(Xml.TEI_NS, "p").getLength() > 0;
        };
    }

    /** The nodes, siblings in a row, moved into a new {@code p} where they stand; nothing when they hold no words. */
    private static void wrap(List<Node> run) {
        if (run.stream().allMatch(n -> n.getTextContent().isBlank())) {
            return;
        }
        Node first = run.get(0);
        Element p = first.getOwnerDocument().createElementNS(Xml.TEI_NS, "p");
        first.getParentNode().insertBefore(p, first);
        run.forEach(p::appendChild);
    }

    private static List<Element> documentDivs(Element tei) {
        List<Element> divs = new ArrayList<>();
        org.w3c.dom.NodeList all = tei.getElementsByTagNameNS(Xml.TEI_NS, "div");
        for (int i = 0; i < all.getLength(); i++) {
            Element div = (Element) all.item(i);
            if ("document".equals(attr(div, "type"))) {
                divs.add(div);
            }
        }
        return divs;
    }

    /** The id of something of this volume, the same in every import. */
    private UUID id(String what) {
        return UUID.nameUUIDFromBytes(("frus:" + volume + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    private Document document(Element div, long line) {
        String divId = xmlAttr(div, "id");
        if (divId == null) {
            throw new TeiReader.Unreadable("A document div has no xml:id.");
        }
        TeiReader.Read read = part(div, divId, div.getAttributeNS(FRUS_NS, "doc-dateTime-min"),
                div.getAttributeNS(FRUS_NS, "doc-dateTime-max"));
        List<TeiReader.Read> enclosures = new ArrayList<>();
        List<LinkInput> links = new ArrayList<>();
        int n = 0;
        for (Element attachment : descendants(div, FRUS_NS, "attachment")) {
            n++;
            enclosures.add(part(attachment, divId + "/attachment-" + n, "", ""));
            links.add(new LinkInput(LinkType.ENCLOSURE_OF, read.id(), null, null));
        }
        return new Document(divId, line, read, enclosures, links);
    }

    /** A document or an attachment: its heading, opener, text and closer. */
    private TeiReader.Read part(Element div, String key, String min, String max) {
        UUID id = id(key);
        Element head = child(div, "head");
        String title = head == null ? null : words(head, false);
        if (title == null || title.isBlank()) {
            title = "Document " + (attr(div, "n") != null ? attr(div, "n") : key);
        }
        String sourceNote = null;
        for (Element note : children(div, "note")) {
            if ("source".equals(attr(note, "type"))) {
                sourceNote = words(note, true);
            }
        }
        if (sourceNote == null && head != null) {
            for (Element note : descendants(head, Xml.TEI_NS, "note")) {
                if ("source".equals(attr(note, "type")) || sourceNote == null && "1".equals(attr(note, "n"))) {
                    sourceNote = words(note, true);
                }
            }
        }
        List<ParticipantInput> participants = new ArrayList<>();
        // notes on the heading: the source note (printed inline, or as the heading's first footnote) and its footnotes
        List<AnnotationInput> headingNotes = new ArrayList<>();
        for (Element note : children(div, "note")) {
            headingNotes.add(headingNote(note));
        }
        if (head != null) {
            for (Element note : descendants(head, Xml.TEI_NS, "note")) {
                headingNotes.add(headingNote(note));
            }
        }
        if (head != null) {
            for (Element person : descendants(head, Xml.TEI_NS, "persName")) {
                String type = attr(person, "type");
                if ("from".equals(type) || "to".equals(type)) {
                    String name = words(person, false);
                    participants.add(TeiReader.participant(agent(name), "from".equals(type)
                            ? ParticipantRole.SENDER : ParticipantRole.RECIPIENT, participants.size(), name, null, null,
                            false));
                }
            }
        }
        String classification = null;
        UUID placeOfOrigin = null;
        String datelineDate = null;
        for (Element opener : children(div, "opener")) {
            for (Element seg : children(opener, "seg")) {
                String words = words(seg, false);
                if (!words.isEmpty() && classification == null) {
                    classification = words;
                }
            }
        }
        Element dateline = first(div, "dateline");
        if (dateline != null) {
            Element place = first(dateline, "placeName");
            if (place != null) {
                placeOfOrigin = place(words(place, false));
            }
            Element date = first(dateline, "date");
            if (date != null) {
                datelineDate = attr(date, "when");
            }
        }
        String date = edtf(min, max);
        if (date == null) {
            date = datelineDate;
        }
        Element closer = first(div, "closer");
        if (closer != null) {
            for (Element signed : descendants(closer, Xml.TEI_NS, "signed")) {
                String printed = words(signed, false);
                // "[Acheson]": the editors supplied the whole signature; "D[ean] A[cheson]" is kept as printed
                java.util.regex.Matcher whole = java.util.regex.Pattern.compile("\\[([^\\[\\]]+)\\]").matcher(printed);
                boolean supplied = whole.matches();
                String name = printed.replaceAll("[\\[\\]]", "").trim();
                if (!name.isEmpty()) {
                    participants.add(TeiReader.participant(agent(name), ParticipantRole.SIGNATORY,
                            participants.size(), supplied ? whole.group(1).trim() : printed, null, null, supplied));
                }
            }
        }

        // the text: the paragraphs of the div (not of a nested div or attachment), footnotes at their words
        UUID textId = id(key + "/text");
        StringBuilder content = new StringBuilder();
        List<String> paragraphs = new ArrayList<>();
        List<AnnotationInput> notes = new ArrayList<>();
        boolean pageAtStart = false;
        List<List<Element>> paragraphElements = paragraphs(div);
        List<Element> previous = null; // the elements of the paragraph before
        for (List<Element> p : paragraphElements) {
            if (!content.isEmpty()) {
                content.append("\n\n");
            }
            int start = content.length();
            List<int[]> at = new ArrayList<>();
            List<Element> footnotes = new ArrayList<>();
            List<int[]> pbAt = new ArrayList<>();
            List<Element> pbs = new ArrayList<>();
            StringBuilder words = new StringBuilder();
            for (Element e : p) {
                words.append(' ');
                collect(e, words, at, footnotes, pbAt, pbs);
            }
            List<int[]> positions = new ArrayList<>(at);
            positions.addAll(pbAt);
            String paragraph = normalize(words, positions);
            if (paragraph.isEmpty()) {
                if (start > 0) {
                    content.setLength(start - 2);
                }
                continue;
            }
            content.append(paragraph);
            paragraphs.add(paragraph);
            if (previous != null) {
                // a page that starts between this paragraph and the one before (a pb between them, not inside it):
                // at this paragraph's first word, unless a pb inside it already stands there
                Element pb = pageBefore(p.get(0));
                List<Element> before = previous;
                if (pb != null && order.get(pb) > order.get(before.get(before.size() - 1))
                        && before.stream().noneMatch(e -> inside(pb, e))
                        && pbAt.stream().noneMatch(b -> firstWordAt(paragraph, b[0]) == 0)) {
                    pbAt.add(0, new int[] {0});
                    pbs.add(0, pb);
                }
            }
            previous = p;
            for (int i = 0; i < footnotes.size(); i++) {
                int[] span = wordBefore(paragraph, at.get(i)[0]);
                Element note = footnotes.get(i);
                notes.add(TeiReader.annotation(AnnotationType.FOOTNOTE, words(note, true),
                        List.of(TeiReader.span(textId, start + span[0], start + span[1],
                                paragraph.substring(span[0], span[1]))),
                        new Footnote(attr(note, "n") != null ? attr(note, "n") : "*")));
            }
            for (int i = 0; i < pbs.size(); i++) {
                // the page starts with the word at the break
                int from = firstWordAt(paragraph, pbAt.get(i)[0]);
                int to = from;
                while (to < paragraph.length() && !Character.isWhitespace(paragraph.charAt(to))) {
                    to++;
                }
                if (from < to) {
                    pageAtStart |= start + from == 0;
                    notes.add(TeiReader.annotation(AnnotationType.PAGE_BREAK, null,
                            List.of(TeiReader.span(textId, start + from, start + to, paragraph.substring(from, to))),
                            new org.fonds.annotation.PageBreak(cut(attr(pbs.get(i), "n"), 50), volume, volumeTitle)));
                }
            }
        }
        notes.addAll(headingNotes);
        if (!pageAtStart && !paragraphs.isEmpty()) {
            // the page the text starts on: the last page break before its first paragraph (a document rarely starts a
            // page; the volume's pb stands where the page starts, often in the document before), so that its pages
            // are known from its first word (citations name them)
            Element pb = pageBefore(paragraphElements.get(0).get(0));
            int to = 0;
            while (to < content.length() && !Character.isWhitespace(content.charAt(to))) {
                to++;
            }
            to = Math.min(to, 50);
            if (pb != null && to > 0) {
                notes.add(TeiReader.annotation(AnnotationType.PAGE_BREAK, null,
                        List.of(TeiReader.span(textId, 0, to, content.substring(0, to))),
                        new org.fonds.annotation.PageBreak(cut(attr(pb, "n"), 50), volume, volumeTitle)));
            }
        }
        List<TeiReader.IdText> texts = paragraphs.isEmpty() ? List.of()
                : List.of(new TeiReader.IdText(textId, new TextInput(TextRole.ORIGINAL, "en", null, null,
                        List.of(new Section(null, paragraphs)))));
        List<TeiReader.IdAnnotation> annotations = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            annotations.add(new TeiReader.IdAnnotation(id(key + "/note-" + (i + 1)), notes.get(i)));
        }
        String kindWords = (title + " " + (sourceNote == null ? "" : sourceNote)).toLowerCase(Locale.ROOT);
        DocumentInput document = new DocumentInput(kind(kindWords), kindAsWritten(title, sourceNote), cut(title, 500),
                null, null,
                classification == null ? null : cut(classification, 500), null, List.of("en"), date, null,
                placeOfOrigin,
                sourceNote == null ? null : new SourceCitation(null, null, null, null, null, null, null,
                        cut(sourceNote, 2000), null),
                null, null, null, null, null, null);
        return new TeiReader.Read(id, document, texts,
                participants.stream().map(p -> new TeiReader.IdParticipant(null, p)).toList(), List.of(), annotations,
                List.of(), agents, places);
    }

    /**
     * The EDTF of a FRUS date range: one day when it runs from its midnight to its last second, the instant (with
     * its offset) when both ends are the same instant, else the days from one to the other; null when absent.
     */
    static String edtf(String min, String max) {
        if (min == null || min.isEmpty()) {
            return null;
        }
        try {
            OffsetDateTime from = OffsetDateTime.parse(min);
            OffsetDateTime to = max == null || max.isEmpty() ? from : OffsetDateTime.parse(max);
            if (from.equals(to)) {
                return from.toLocalTime().toSecondOfDay() == 0 ? from.toLocalDate().toString() : min;
            }
            if (from.toLocalDate().equals(to.toLocalDate())) {
                return from.toLocalDate().toString();
            }
            return from.toLocalDate() + "/" + to.toLocalDate();
        } catch (DateTimeParseException e) {
            throw new TeiReader.Unreadable("frus:doc-dateTime-min/max \"" + min + "\"/\"" + max + "\" are not "
                    + "date-times with offsets.");
        }
    }

    /** A note on the heading: a FOOTNOTE with its printed number, or an EDITOR_NOTE when it has none. */
    private static AnnotationInput headingNote(Element note) {
        String n = attr(note, "n");
        boolean numbered = n != null && !n.isBlank() && !"0".equals(n.trim());
        return TeiReader.annotation(numbered ? AnnotationType.FOOTNOTE : AnnotationType.EDITOR_NOTE,
                cut(words(note, true), 20000), List.of(TeiReader.part(DocumentPartName.HEADING, null)),
                numbered ? new Footnote(cut(n.trim(), 20)) : null);
    }

    private static final java.util.regex.Pattern SOURCE_KIND = java.util.regex.Pattern.compile(
            ":\\s*((?:Circular |Secret |Confidential )?(?:Telegram|Airgram|Despatch|Dispatch|Memorandum(?: of "
                    + "Conversation)?|Letter|Note|Instruction|Report|Minutes)[A-Za-z ]*?)\\s*(?:[.;,(]|$)");
    private static final java.util.regex.Pattern HEAD_KIND = java.util.regex.Pattern.compile(
            "^((?:Circular )?(?:Telegram|Airgram|Despatch|Memorandum(?: of Conversation| for the [A-Z][a-z]+)?"
                    + "|Letter|Editorial Note|Note|Minutes|Report|Paper|Record of (?:a )?(?:Meeting|Conversation)))\\b");

    /**
     * The kind as the document names itself: the kind the source note gives after the file number
     * ("795.00/6–250: Despatch"), or the heading's opening words ("Memorandum of Conversation, by …"); null when
     * neither says.
     */
    static String kindAsWritten(String title, String sourceNote) {
        if (sourceNote != null) {
            java.util.regex.Matcher m = SOURCE_KIND.matcher(sourceNote);
            if (m.find()) {
                return cut(m.group(1).trim(), 500);
            }
        }
        java.util.regex.Matcher m = HEAD_KIND.matcher(title);
        return m.find() ? m.group(1) : null;
    }

    private static DocumentKind kind(String words) {
        if (words.contains("memorandum of conversation") || words.contains("record of conversation")) {
            return DocumentKind.RECORD_OF_CONVERSATION;
        }
        if (words.contains("telegram") || words.contains("airgram") || words.contains("cable")) {
            return DocumentKind.CABLE;
        }
        if (words.contains("memorandum")) {
            return DocumentKind.MEMORANDUM;
        }
        if (words.contains("letter") || words.contains("note verbale")) {
            return DocumentKind.LETTER;
        }
        if (words.contains("despatch") || words.contains("report")) {
            return DocumentKind.REPORT;
        }
        if (words.contains("minutes")) {
            return DocumentKind.MINUTES;
        }
        return DocumentKind.OTHER;
    }

    private UUID agent(String name) {
        UUID id = UUID.nameUUIDFromBytes(("frus-agent:" + name.toLowerCase(Locale.ROOT)).getBytes(
                StandardCharsets.UTF_8));
        agents.putIfAbsent(id, new TeiReader.AgentRef("persName", name));
        return id;
    }

    private UUID place(String name) {
        UUID id = UUID.nameUUIDFromBytes(("frus-place:" + name.toLowerCase(Locale.ROOT)).getBytes(
                StandardCharsets.UTF_8));
        places.putIfAbsent(id, name);
        return id;
    }

    /** The last page break ({@code pb} with an n) before the element in document order; null when none. */
    private Element pageBefore(Element e) {
        Integer at = order.get(e);
        if (at == null) {
            return null;
        }
        int lo = 0;
        int hi = pageBreaks.size(); // pageBreaks are in document order: the first after e
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.get(pageBreaks.get(mid)) < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : pageBreaks.get(lo - 1);
    }

    /**
     * The paragraphs of a document or attachment, outermost only, not those of an attachment inside it: each the
     * elements whose words it holds, in order. A {@code p} is one; so is each item of a list (with the label before
     * it) and each row of a table, and a list's or a table's head.
     */
    private static List<List<Element>> paragraphs(Element div) {
        List<List<Element>> list = new ArrayList<>();
        for (Element e : elements(div)) {
            switch (e.getLocalName()) {
                case "p" -> list.add(List.of(e));
                case "opener", "closer", "head", "note", "dateline", "pb" -> {
                }
                case "attachment", "div" -> {
                }
                case "list", "table" -> list.addAll(entries(e));
                default -> list.addAll(paragraphs(e));
            }
        }
        return list;
    }

    /**
     * A list's or a table's paragraphs: its head, then each item with the label before it ({@code <label>(1)</label>
     * <item>…}, as FRUS numbers its lists), or each row. An item of several paragraphs gives them, the label with the
     * first.
     */
    private static List<List<Element>> entries(Element listOrTable) {
        List<List<Element>> list = new ArrayList<>();
        Element label = null;
        for (Element e : elements(listOrTable)) {
            switch (e.getLocalName()) {
                case "label" -> {
                    if (label != null) {
                        list.add(List.of(label));
                    }
                    label = e;
                }
                case "item" -> {
                    // its paragraphs when it has any, or the item as one
                    List<List<Element>> inside = elements(e).stream().anyMatch(c -> "p".equals(c.getLocalName()))
                            ? paragraphs(e) : List.of(List.of(e));
                    for (int i = 0; i < inside.size(); i++) {
                        List<Element> paragraph = new ArrayList<>(inside.get(i));
                        if (i == 0 && label != null) {
                            paragraph.add(0, label);
                        }
                        list.add(paragraph);
                    }
                    label = null;
                }
                case "head", "row" -> list.add(List.of(e));
                case "pb", "note" -> {
                }
                default -> list.addAll(paragraphs(e));
            }
        }
        if (label != null) {
            list.add(List.of(label));
        }
        return list;
    }

    /** Where the word at or after {@code at} starts. */
    private static int firstWordAt(String paragraph, int at) {
        int from = at;
        while (from < paragraph.length() && Character.isWhitespace(paragraph.charAt(from))) {
            from++;
        }
        return from;
    }

    /** Whether {@code e} is {@code ancestor} or inside it. */
    private static boolean inside(Node e, Element ancestor) {
        for (Node n = e; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stands for the boundary of two cells of a table's row while the words are gathered: a character no XML text
     * holds, which {@link #normalize} writes as a tab.
     */
    private static final char CELL = '\0';

    /** The words of an element, notes left out and recorded with where they stand. */
    private static void collect(Element e, StringBuilder words, List<int[]> at, List<Element> notes, List<int[]> pbAt,
            List<Element> pbs) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                words.append(n.getNodeValue());
            } else if (n instanceof Element c) {
                if ("note".equals(c.getLocalName())) {
                    at.add(new int[] {words.length()});
                    notes.add(c);
                } else if ("pb".equals(c.getLocalName())) {
                    if (attr(c, "n") != null) {
                        pbAt.add(new int[] {words.length()});
                        pbs.add(c);
                    }
                } else {
                    switch (c.getLocalName()) {
                        case "p", "item", "label", "head", "lb", "row" -> words.append(' ');
                        case "cell" -> {
                            if (elements((Element) c.getParentNode()).get(0) != c) {
                                words.append(CELL);
                            }
                        }
                        default -> {
                        }
                    }
                    collect(c, words, at, notes, pbAt, pbs);
                }
            }
        }
    }

    /** Whitespace runs as one space, trimmed; the recorded positions moved with the words. */
    private static String normalize(StringBuilder words, List<int[]> at) {
        StringBuilder out = new StringBuilder();
        int[] map = new int[words.length() + 1];
        boolean space = false;
        boolean cell = false;
        for (int i = 0; i < words.length(); i++) {
            map[i] = out.length();
            char c = words.charAt(i);
            if (c == CELL) {
                out.append('\t'); // the cells of a row, one tab between two: the space before it is dropped
                space = false;
                cell = true;
            } else if (Character.isWhitespace(c)) {
                space = !cell; // nor one after it
            } else {
                cell = false;
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        map[words.length()] = out.length();
        for (int[] p : at) {
            p[0] = Math.min(map[p[0]], out.length());
        }
        return out.toString();
    }

    /** The word that ends at (or before) {@code at}; the next word when none is before it. */
    private static int[] wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            int start = at;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int stop = start;
            while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
            return new int[] {start, Math.max(stop, Math.min(start + 1, text.length()))};
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return new int[] {start, end};
    }

    /** An element's words with whitespace normalized; its notes too when {@code notes}. */
    private static String words(Element e, boolean notes) {
        StringBuilder words = new StringBuilder();
        append(e, words, notes);
        return normalize(words, List.of());
    }

    private static void append(Element e, StringBuilder words, boolean notes) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                words.append(n.getNodeValue());
            } else if (n instanceof Element c && (notes || !"note".equals(c.getLocalName()))) {
                append(c, words, notes);
            }
        }
    }

    /** The first descendant of that name, not inside an attachment. */
    private static Element first(Element e, String name) {
        for (Element c : elements(e)) {
            if ("attachment".equals(c.getLocalName())) {
                continue;
            }
            if (name.equals(c.getLocalName())) {
                return c;
            }
            Element found = first(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element e, String ns, String name) {
        List<Element> list = new ArrayList<>();
        org.w3c.dom.NodeList all = e.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < all.getLength(); i++) {
            list.add((Element) all.item(i));
        }
        return list;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
