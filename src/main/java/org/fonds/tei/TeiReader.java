package org.fonds.tei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.fonds.annotation.AnnotationInput;
import org.fonds.annotation.AnnotationType;
import org.fonds.annotation.Certainty;
import org.fonds.annotation.Footnote;
import org.fonds.annotation.ForeignTerm;
import org.fonds.annotation.Gap;
import org.fonds.annotation.Margin;
import org.fonds.annotation.Marginalia;
import org.fonds.annotation.Mention;
import org.fonds.annotation.PageBreak;
import org.fonds.annotation.DocumentPartName;
import org.fonds.annotation.Supplied;
import org.fonds.annotation.TargetInput;
import org.fonds.annotation.UncertainReading;
import org.fonds.document.Credit;
import org.fonds.document.DocumentInput;
import org.fonds.document.DocumentKind;
import org.fonds.document.SourceCitation;
import org.fonds.link.LinkInput;
import org.fonds.link.LinkType;
import org.fonds.media.MediaInput;
import org.fonds.participant.ParticipantInput;
import org.fonds.participant.ParticipantRole;
import org.fonds.text.Section;
import org.fonds.text.TextInput;
import org.fonds.text.TextRole;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A {@code <TEI>} element as Fonds' TEI export writes it ({@link TeiWriter}), read back into the inputs of the API:
 * the inverse of the writer's mapping, element by element, so that a document exported, imported and exported again
 * gives the same TEI. The ids the file carries ({@code doc-}, {@code text-}, {@code a-}, {@code media-}) are kept;
 * the agents and places it points at are read from the UUID at the end of their {@code @ref} URL (whatever the
 * server's base). What the export does not write (participants' ids, a marginal mark's legibility, target lines) is
 * not in the file and cannot come back.
 *
 * <p>Written by hand: TEI is a vocabulary, and this is the inverse of Fonds' own use of it; no library maps TEI to
 * this model.
 */
final class TeiReader {

    /** What one {@code <TEI>} element holds, as the inputs of the API with the ids to create them under. */
    record Read(UUID id, DocumentInput document, List<IdText> texts, List<IdParticipant> participants,
            List<IdMedia> media, List<IdAnnotation> annotations, List<LinkInput> links, Map<UUID, AgentRef> agents,
            Map<UUID, String> places) {
    }

    /** A participant, under the id the file gives it (a signatory's {@code signed/@xml:id}) or a new one (null). */
    record IdParticipant(UUID id, ParticipantInput input) {
    }

    record IdText(UUID id, TextInput input) {
    }

    record IdMedia(UUID id, MediaInput input) {
    }

    record IdAnnotation(UUID id, AnnotationInput input) {
    }

    /** An agent the file points at: its element (persName, orgName, roleName) and the name it writes. */
    record AgentRef(String element, String name) {
    }

    /** A file that does not follow the mapping: the reason, for the import's problem report. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final Pattern UUID_AT_END = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");
    /** A wrap's id: {@code a-<annotation>-t<target>}, then {@code -f<n>} from its second fragment on. */
    private static final Pattern WRAP_ID = Pattern.compile(
            "a-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})-t(\\d+)(?:-f(\\d+))?");

    private final Map<UUID, AgentRef> agents = new LinkedHashMap<>();
    private final Map<UUID, String> places = new LinkedHashMap<>();
    private final Map<String, Credit> credits = new HashMap<>();
    private final Map<String, Element> hands = new HashMap<>();

    private TeiReader() {
    }

    static Read read(Element tei) {
        return new TeiReader().document(tei);
    }

    private Read document(Element tei) {
        UUID id = prefixed(xmlId(tei), "doc-");
        Element header = child(tei, "teiHeader");
        Element fileDesc = child(header, "fileDesc");
        Element titleStmt = child(fileDesc, "titleStmt");
        String title = text(child(titleStmt, "title"));
        List<Credit> creditList = new ArrayList<>();
        for (Element resp : children(titleStmt, "respStmt")) {
            Element role = child(resp, "resp");
            Element name = child(resp, "name");
            Credit credit = new Credit(Credit.Role.valueOf(upper(attr(role, "key") != null ? attr(role, "key")
                    : text(role))), text(name), agentRef(name));
            credits.put(xmlId(resp), credit);
            creditList.add(credit);
        }
        Element publication = child(fileDesc, "publicationStmt");
        String rights = text(child(child(publication, "availability"), "p"));
        String classification = null;
        String handling = null;
        String dispatched = null;
        for (Element note : children(child(fileDesc, "notesStmt"), "note")) {
            switch (String.valueOf(attr(note, "type"))) {
                case "classification" -> classification = text(note);
                case "handling" -> handling = text(note);
                case "dispatched" -> dispatched = edtf(child(note, "date"));
                default -> {
                }
            }
        }
        Element sourceDesc = child(fileDesc, "sourceDesc");
        Element msDesc = child(sourceDesc, "msDesc");
        Element msIdentifier = child(msDesc, "msIdentifier");
        Map<String, String> units = new HashMap<>();
        List<String> referenceNumbers = new ArrayList<>();
        for (Element idno : children(msIdentifier, "idno")) {
            if ("reference-number".equals(attr(idno, "type"))) {
                referenceNumbers.add(text(idno));
            } else {
                units.put(attr(idno, "type"), text(idno));
            }
        }
        String kindAsWritten = null;
        for (Element itemTitle : children(child(child(msDesc, "msContents"), "msItem"), "title")) {
            if ("kind".equals(attr(itemTitle, "type"))) {
                kindAsWritten = text(itemTitle);
            }
        }
        Map<String, String> editions = new HashMap<>();
        for (Element edition : children(child(sourceDesc, "listBibl"), "bibl")) {
            editions.put(xmlId(edition), text(edition));
        }
        for (Element hand : children(child(child(msDesc, "physDesc"), "handDesc"), "handNote")) {
            hands.put(xmlId(hand), hand);
        }
        Element bibl = child(sourceDesc, "bibl");
        String citation = null;
        String url = null;
        if (bibl != null) {
            StringBuilder words = new StringBuilder();
            for (Node n = bibl.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE) {
                    words.append(n.getNodeValue());
                } else if (n instanceof Element e && "ref".equals(e.getLocalName())) {
                    url = attr(e, "target");
                }
            }
            citation = words.isEmpty() ? null : words.toString();
        }
        String repository = text(child(msIdentifier, "repository"));
        String collection = text(child(msIdentifier, "collection"));
        SourceCitation source = repository == null && collection == null && units.isEmpty() && citation == null
                && url == null ? null
                : new SourceCitation(repository, collection, units.get("fond"), units.get("opis"), units.get("delo"),
                        units.get("papka"), units.get("listy"), citation, url);

        Element profile = child(header, "profileDesc");
        String summary = text(child(child(profile, "abstract"), "p"));
        Element creation = child(profile, "creation");
        String date = edtf(child(creation, "date"));
        UUID placeOfOrigin = placeRef(child(creation, "placeName"));
        List<String> languages = new ArrayList<>();
        for (Element language : children(child(profile, "langUsage"), "language")) {
            languages.add(attr(language, "ident"));
        }
        List<ParticipantInput> participants = new ArrayList<>();
        List<LinkInput> links = new ArrayList<>();
        for (Element ref : children(child(child(profile, "correspDesc"), "correspContext"), "ref")) {
            if ("enclosed-in".equals(attr(ref, "type"))) {
                UUID covering = agentId(attr(ref, "target"));
                String words = text(ref);
                links.add(new LinkInput(LinkType.ENCLOSURE_OF, covering,
                        words == null || words.equals("Enclosed in " + covering) ? null : words, null));
            } // type="enclosure" is the other document's link (linked_from), written with that document
        }
        for (Element action : children(child(profile, "correspDesc"), "correspAction")) {
            String subtype = attr(action, "subtype");
            ParticipantRole role = subtype != null ? role(subtype)
                    : "sent".equals(attr(action, "type")) ? ParticipantRole.SENDER : ParticipantRole.RECIPIENT;
            Element name = firstNameElement(action);
            participants.add(participant(agentRef(name), role, participants.size(), text(name),
                    placeRef(child(action, "placeName")), edtf(child(action, "date")), false));
        }
        Element particDesc = child(profile, "particDesc");
        for (String[] list : new String[][] {{"listPerson", "person"}, {"listOrg", "org"}}) {
            for (Element member : children(child(particDesc, list[0]), list[1])) {
                Element name = firstNameElement(member);
                participants.add(participant(agentRef(name), role(attr(member, "role")), participants.size(),
                        text(name), null, null, false));
            }
        }
        DocumentKind kind = null;
        for (Element term : children(child(child(profile, "textClass"), "keywords"), "term")) {
            if ("kind".equals(attr(term, "type"))) {
                kind = DocumentKind.valueOf(upper(text(term)));
            }
        }
        if (kind == null) {
            throw new Unreadable("The TEI header has no textClass/keywords/term type=\"kind\".");
        }

        List<IdMedia> media = new ArrayList<>();
        for (Element graphic : children(child(tei, "facsimile"), "graphic")) {
            String n = attr(graphic, "n");
            media.add(new IdMedia(prefixed(xmlId(graphic), "media-"), new MediaInput(attr(graphic, "url"),
                    attr(graphic, "mimeType"), n == null ? null : Integer.valueOf(n), null,
                    text(child(graphic, "desc")), null)));
        }

        Body body = new Body(editions);
        for (Element note : children(bibl, "note")) {
            body.partNote(note, part(DocumentPartName.SOURCE, null));
        }
        Element textBody = child(child(tei, "text"), "body");
        for (Element note : children(child(textBody, "head"), "note")) {
            body.partNote(note, part(DocumentPartName.HEADING, null));
        }
        for (Element note : children(child(textBody, "dateline"), "note")) {
            body.partNote(note, part(DocumentPartName.DATELINE, null));
        }
        // the signatures: the SIGNATORY participants in their order, with their ids and whether they were supplied
        List<IdParticipant> withIds = new ArrayList<>();
        List<Element> signed = new ArrayList<>(children(textBody, "signed"));
        for (ParticipantInput p : participants) {
            UUID participantId = null;
            if (p.role() == ParticipantRole.SIGNATORY && !signed.isEmpty() && xmlId(signed.get(0)) != null) {
                Element signature = signed.remove(0);
                participantId = prefixed(xmlId(signature), "participant-");
                if (child(signature, "supplied") != null) {
                    p = participant(p.agentId(), p.role(), p.position(), p.nameAsWritten(), p.placeId(), p.date(),
                            true);
                }
                for (Element note : children(signature, "note")) {
                    body.partNote(note, part(DocumentPartName.SIGNATURE, participantId));
                }
            }
            withIds.add(new IdParticipant(participantId, p));
        }
        for (Element signature : signed) { // notes on a signature no signatory here is named by
            for (Element note : children(signature, "note")) {
                body.partNote(note, part(DocumentPartName.SIGNATURE, null));
            }
        }
        List<IdText> texts = new ArrayList<>();
        for (Element div : children(textBody, "div")) {
            UUID textId = prefixed(xmlId(div), "text-");
            Credit translator = null;
            if (attr(div, "resp") != null) {
                translator = credits.get(attr(div, "resp").substring(1));
            }
            List<Section> sections = body.sections(textId, div);
            texts.add(new IdText(textId, new TextInput(TextRole.valueOf(upper(attr(div, "type"))),
                    xmlAttr(div, "lang"), translator == null ? null : translator.name(),
                    translator == null ? null : translator.agentId(), sections)));
        }
        List<IdAnnotation> annotations = body.annotations();

        DocumentInput document = new DocumentInput(kind, kindAsWritten, title, summary, referenceNumbers,
                classification, handling, languages, date, dispatched, placeOfOrigin, source, rights, creditList, null,
                null, null, null);
        return new Read(id, document, texts, withIds, media, annotations, links, agents, places);
    }

    // ---------------------------------------------------------------- body

    /** The texts' content and the marks found in it, by annotation. */
    private final class Body {
        /** Per annotation id: per target index, the wrap's fragments or the anchors. */
        private final Map<UUID, TreeMap<Integer, Mark>> marks = new LinkedHashMap<>();
        private final Map<UUID, Element> notes = new LinkedHashMap<>();
        private final Map<String, int[]> anchors = new HashMap<>();
        private final Map<String, UUID> anchorTexts = new HashMap<>();
        private final Map<UUID, String> contents = new HashMap<>();
        /** The notes on a part of the document, with that part's target. */
        private final Map<UUID, TargetInput> partTargets = new HashMap<>();
        /** Page breaks: the pb element, its text and offset. */
        private final Map<UUID, Object[]> pageBreaks = new LinkedHashMap<>();
        private final Map<String, String> editions;
        private StringBuilder content;
        private UUID textId;

        Body(Map<String, String> editions) {
            this.editions = editions;
        }

        /** A note written in a part's element (head, dateline, the source's bibl, signed). */
        void partNote(Element note, TargetInput part) {
            String id = xmlId(note);
            if (id == null || !id.startsWith("a-")) {
                throw new Unreadable("A note on a part of the document has no xml:id \"a-<uuid>\".");
            }
            UUID annotation = prefixed(id, "a-");
            notes.put(annotation, note);
            partTargets.put(annotation, part);
        }

        /** The sections of one text div; its content and marks are kept for {@link #annotations()}. */
        List<Section> sections(UUID id, Element div) {
            textId = id;
            content = new StringBuilder();
            List<Section> sections = new ArrayList<>();
            for (Element section : children(div, "div")) {
                String heading = null;
                List<String> paragraphs = new ArrayList<>();
                for (Element block : elements(section)) {
                    if (!content.isEmpty()) {
                        content.append("\n\n");
                    }
                    int start = content.length();
                    walk(block);
                    String words = content.substring(start);
                    if ("head".equals(block.getLocalName())) {
                        heading = words;
                    } else {
                        paragraphs.add(words);
                    }
                }
                sections.add(new Section(heading, paragraphs));
            }
            contents.put(id, content.toString());
            return sections;
        }

        private void walk(Element element) {
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    content.append(n.getNodeValue());
                } else if (n instanceof Element e) {
                    element(e);
                }
            }
        }

        private void element(Element e) {
            String name = e.getLocalName();
            String id = xmlId(e);
            switch (name) {
                case "lb" -> content.append('\n');
                case "anchor" -> {
                    anchors.put(id, new int[] {content.length()});
                    anchorTexts.put(id, textId);
                }
                case "note" -> {
                    if (id != null && id.startsWith("a-")) {
                        notes.put(prefixed(id, "a-"), e);
                    } // a note without an id belongs to the wrap around it (its term, reading, variant)
                }
                case "gap" -> {
                }
                case "pb" -> pageBreaks.put(prefixed(id, "a-"), new Object[] {e, textId, content.length()});
                case "choice" -> walk(child(e, "orig"));
                default -> {
                    Matcher m = id == null ? null : WRAP_ID.matcher(id);
                    int start = content.length();
                    walk(e);
                    if (m != null && m.matches()) {
                        UUID annotation = UUID.fromString(m.group(1));
                        int target = Integer.parseInt(m.group(2));
                        Mark mark = marks.computeIfAbsent(annotation, k -> new TreeMap<>())
                                .computeIfAbsent(target, k -> new Mark(textId));
                        if (m.group(3) == null) {
                            mark.first = e;
                            mark.start = start;
                        }
                        mark.last = e;
                        mark.end = Math.max(mark.end, content.length());
                    }
                }
            }
        }

        List<IdAnnotation> annotations() {
            Set<UUID> ids = new LinkedHashSet<>(marks.keySet());
            ids.addAll(notes.keySet());
            ids.addAll(pageBreaks.keySet());
            List<IdAnnotation> list = new ArrayList<>();
            for (UUID id : ids.stream().sorted().toList()) {
                list.add(new IdAnnotation(id, pageBreaks.containsKey(id) ? pageBreak(pageBreaks.get(id))
                        : notes.containsKey(id) ? note(id, notes.get(id)) : wrapped(id)));
            }
            return list;
        }

        private TargetInput target(UUID text, int start, int end) {
            String words = contents.get(text);
            if (start < 0 || end > words.length() || start >= end) {
                throw new Unreadable("An annotation's words are empty or outside its text " + text + ".");
            }
            return span(text, start, end, words.substring(start, end));
        }

        private AnnotationInput wrapped(UUID id) {
            List<TargetInput> targets = new ArrayList<>();
            Element first = null;
            List<Element> lasts = new ArrayList<>();
            for (Mark mark : marks.get(id).values()) {
                if (mark.first == null) {
                    throw new Unreadable("The fragments of annotation " + id + " have no first one.");
                }
                targets.add(target(mark.text, mark.start, mark.end));
                first = first == null ? mark.first : first;
                lasts.add(mark.last);
            }
            Element e = first;
            Element last = lasts.get(0);
            String exact = targets.get(0).exact();
            return switch (e.getLocalName()) {
                case "seg" -> "gap".equals(attr(e, "type"))
                        ? annotation(AnnotationType.GAP, null, targets, gap(child(e, "gap")))
                        : foreignTerm(targets, last);
                case "unclear" -> {
                    String reading = exact;
                    List<String> alternatives = new ArrayList<>();
                    for (Element note : children(last, "note")) {
                        if ("reading".equals(attr(note, "type"))) {
                            reading = text(note);
                        } else if ("alternative".equals(attr(note, "type"))) {
                            alternatives.add(text(note));
                        }
                    }
                    yield annotation(AnnotationType.UNCERTAIN_READING, null, targets,
                            new UncertainReading(reading, alternatives.isEmpty() ? null : alternatives,
                                    certainty(attr(e, "cert"))));
                }
                case "supplied" -> annotation(AnnotationType.SUPPLIED, null, targets, new Supplied(attr(e, "reason")));
                case "hi" -> annotation(AnnotationType.MARGINALIA, null, targets, marginalia(switch (String.valueOf(attr(e, "rend"))) {
                            case "circled" -> Marginalia.Kind.CIRCLING;
                            case "underlined" -> Marginalia.Kind.UNDERLINING;
                            default -> Marginalia.Kind.STRIKE_THROUGH;
                        }, null, e, null, null));
                default -> annotation(AnnotationType.MENTION, null, targets, mention(e, last));
            };
        }

        private AnnotationInput foreignTerm(List<TargetInput> targets, Element last) {
            Element note = child(last, "note");
            List<Element> foreign = children(note, "foreign");
            if (foreign.isEmpty()) {
                throw new Unreadable("A foreign-term seg has no note with the term.");
            }
            return annotation(AnnotationType.FOREIGN_TERM, null, targets,
                    new ForeignTerm(text(foreign.get(0)), xmlAttr(foreign.get(0), "lang"),
                            foreign.size() > 1 ? text(foreign.get(1)) : null));
        }

        private Mention mention(Element e, Element last) {
            String variant = null;
            Element choice = child(e, "choice");
            if (choice != null) {
                variant = text(child(choice, "reg"));
            }
            for (Element note : children(last, "note")) {
                if ("variant".equals(attr(note, "type"))) {
                    variant = text(child(note, "reg"));
                }
            }
            return switch (e.getLocalName()) {
                case "persName", "orgName", "roleName" -> new Mention(agentRef(e), null, null, null, variant);
                case "placeName" -> new Mention(null, placeRef(e), null, null, variant);
                case "date" -> new Mention(null, null, edtf(e), null, variant);
                default -> throw new Unreadable("A mention (" + e.getLocalName() + ") points at no agent, place or "
                        + "date.");
            };
        }

        /** A page break: the page's first words are the word at the pb. */
        private AnnotationInput pageBreak(Object[] at) {
            Element pb = (Element) at[0];
            UUID text = (UUID) at[1];
            int start = (Integer) at[2];
            String words = contents.get(text);
            int end = start;
            while (end < words.length() && !Character.isWhitespace(words.charAt(end))) {
                end++;
            }
            if (end == start && end < words.length()) {
                end++;
            }
            String edition = attr(pb, "ed");
            String edRef = attr(pb, "edRef");
            String title = edRef == null ? null : editions.get(edRef.substring(1));
            return annotation(AnnotationType.PAGE_BREAK, null, List.of(target(text, start, end)),
                    new PageBreak(attr(pb, "n"), edition, title));
        }

        private AnnotationInput note(UUID id, Element note) {
            String[] starts = tokens(attr(note, "target"));
            String[] ends = tokens(attr(note, "targetEnd"));
            TargetInput part = partTargets.get(id);
            if (part == null && starts.length == 0 || starts.length != ends.length) {
                throw new Unreadable("The note a-" + id + " has no @target/@targetEnd pair.");
            }
            // the text targets by their index (-t<i>); a part target takes the index none of them has
            TreeMap<Integer, TargetInput> byIndex = new TreeMap<>();
            for (int i = 0; i < starts.length; i++) {
                String start = starts[i].substring(1);
                String end = ends[i].substring(1);
                if (!anchors.containsKey(start) || !anchors.containsKey(end)) {
                    throw new Unreadable("The note a-" + id + " points at an anchor that is not in the text.");
                }
                Matcher m = WRAP_ID.matcher(start);
                int index = m.matches() ? Integer.parseInt(m.group(2)) : i;
                byIndex.put(index, target(anchorTexts.get(start), anchors.get(start)[0], anchors.get(end)[0]));
            }
            if (part != null) {
                int free = 0;
                while (byIndex.containsKey(free)) {
                    free++;
                }
                byIndex.put(free, part);
            }
            List<TargetInput> targets = new ArrayList<>(byIndex.values());
            List<Integer> indexes = new ArrayList<>(byIndex.keySet());
            for (Element locus : children(note, "locus")) {
                Matcher m = WRAP_ID.matcher(String.valueOf(attr(locus, "target")).substring(1));
                int i = m.matches() ? indexes.indexOf(Integer.parseInt(m.group(2))) : -1;
                if (i < 0) {
                    throw new Unreadable("A locus of the note a-" + id + " points at no target of it.");
                }
                TargetInput t = targets.get(i);
                targets.set(i, onPage(t, integer(attr(locus, "n")), integer(attr(locus, "from")),
                        integer(attr(locus, "to"))));
            }
            String type = String.valueOf(attr(note, "type"));
            if (type.equals("marginal")) {
                Marginalia.Connector connector = null;
                String rend = attr(note, "rend");
                if (rend != null && rend.startsWith("connector-")) {
                    connector = Marginalia.Connector.valueOf(upper(rend.substring("connector-".length())));
                }
                return annotation(AnnotationType.MARGINALIA, null, targets, marginalia(Marginalia.Kind.valueOf(upper(attr(note, "subtype"))),
                                margin(attr(note, "place")), note, connector, transcription(note)));
            }
            AnnotationType annotationType = switch (type) {
                case "translator" -> AnnotationType.TRANSLATOR_NOTE;
                case "editor" -> AnnotationType.EDITOR_NOTE;
                case "footnote" -> AnnotationType.FOOTNOTE;
                default -> throw new Unreadable("The note a-" + id + " has an unknown type \"" + type + "\".");
            };
            Footnote footnote = annotationType == AnnotationType.FOOTNOTE ? new Footnote(attr(note, "n")) : null;
            StringBuilder words = new StringBuilder();
            for (Node n = note.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e && "locus".equals(e.getLocalName()))) {
                    words.append(n.getTextContent());
                }
            }
            return annotation(annotationType, words.isEmpty() ? null : words.toString(), targets, footnote);
        }

        private Marginalia.Transcription transcription(Element note) {
            StringBuilder words = new StringBuilder();
            List<Marginalia.Uncertain> uncertain = new ArrayList<>();
            List<Marginalia.TranscriptionGap> gaps = new ArrayList<>();
            boolean any = false;
            for (Node n = note.getFirstChild(); n != null; n = n.getNextSibling()) {
                any = true;
                if (n.getNodeType() == Node.TEXT_NODE) {
                    words.append(n.getNodeValue());
                } else if (n instanceof Element e && "unclear".equals(e.getLocalName())) {
                    int start = words.length();
                    String reading = null;
                    for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                        if (m.getNodeType() == Node.TEXT_NODE) {
                            words.append(m.getNodeValue());
                        } else if (m instanceof Element r && "note".equals(r.getLocalName())) {
                            reading = text(r);
                        }
                    }
                    String read = words.substring(start);
                    uncertain.add(new Marginalia.Uncertain(start, words.length(), reading != null ? reading : read,
                            certainty(attr(e, "cert"))));
                } else if (n instanceof Element e && "gap".equals(e.getLocalName())) {
                    Gap gap = gap(e);
                    gaps.add(new Marginalia.TranscriptionGap(words.length(), gap.reason(), gap.extent()));
                }
            }
            return any ? new Marginalia.Transcription(words.toString(), uncertain.isEmpty() ? null : uncertain,
                    gaps.isEmpty() ? null : gaps) : null;
        }
    }

    /** A target of a wrapping annotation: its first fragment and where its fragments start and end. */
    private static final class Mark {
        final UUID text;
        Element first;
        Element last;
        int start;
        int end;

        Mark(UUID text) {
            this.text = text;
        }
    }

    private Marginalia marginalia(Marginalia.Kind kind, Margin position, Element e, Marginalia.Connector connector,
            Marginalia.Transcription transcription) {
        Marginalia.Hand hand = null;
        String medium = null;
        String handRef = attr(e, "hand");
        if (handRef != null) {
            Element note = hands.get(handRef.substring(1));
            if (note == null) {
                throw new Unreadable("The hand " + handRef + " is not in handDesc.");
            }
            medium = attr(note, "medium");
            UUID agent = agentId(attr(note, "scribeRef"));
            String description = text(child(note, "p"));
            if (agent == null && "An unidentified hand.".equals(description)) {
                description = null; // the words the export writes for a hand it knows nothing of
            }
            Marginalia.HandCertainty certainty = attr(note, "cert") == null ? null
                    : Marginalia.HandCertainty.valueOf(upper(attr(note, "cert")));
            if (agent != null || certainty != null || description != null) {
                hand = new Marginalia.Hand(agent, certainty, description);
            }
        }
        String corresp = attr(e, "corresp");
        UUID reportedBy = corresp == null ? null : prefixed(corresp.substring(1), "a-");
        return new Marginalia(kind, transcription, position, hand, medium, null, false, connector, reportedBy);
    }

    // ---------------------------------------------------------------- inputs

    /** An annotation of {@code type} with its type's object ({@code details}: a Footnote, Gap…; null for none). */
    static AnnotationInput annotation(AnnotationType type, String noteText, List<TargetInput> targets,
            Object details) {
        return new AnnotationInput(type, noteText, targets, details instanceof Footnote f ? f : null,
                details instanceof ForeignTerm f ? f : null, details instanceof UncertainReading u ? u : null,
                details instanceof Gap g ? g : null, details instanceof Supplied s ? s : null,
                details instanceof Mention m ? m : null, details instanceof Marginalia m ? m : null,
                details instanceof PageBreak b ? b : null);
    }

    /** Words of a text: [start, end) of its content. */
    static TargetInput span(UUID text, int start, int end, String exact) {
        return new TargetInput(text, start, end, exact, null, null, null, null, null, null, null, null, null, null);
    }

    /** A part of the document (its heading, dateline, source line or a signature). */
    static TargetInput part(DocumentPartName part, UUID participantId) {
        return new TargetInput(null, null, null, null, null, null, null, null, null, null, null, null, part,
                participantId);
    }

    /** The target with where on the page its words are. */
    static TargetInput onPage(TargetInput t, Integer page, Integer lineStart, Integer lineEnd) {
        return new TargetInput(t.textId(), t.start(), t.end(), t.exact(), t.prefix(), t.suffix(), t.occurrence(),
                page, lineStart, lineEnd, t.margin(), t.region(), t.part(), t.participantId());
    }

    static ParticipantInput participant(UUID agent, ParticipantRole role, int position, String asWritten,
            UUID place, String date, boolean supplied) {
        return new ParticipantInput(agent, role, position, asWritten, null, null, place, date,
                supplied ? Boolean.TRUE : null);
    }

    // ---------------------------------------------------------------- values

    private static Gap gap(Element gap) {
        if (gap == null) {
            throw new Unreadable("A gap seg has no gap element.");
        }
        String quantity = attr(gap, "quantity");
        Gap.Extent extent = quantity == null ? null : new Gap.Extent(Integer.valueOf(quantity),
                switch (String.valueOf(attr(gap, "unit"))) {
                    case "words" -> Gap.Unit.WORDS;
                    case "chars" -> Gap.Unit.CHARACTERS;
                    case "lines" -> Gap.Unit.LINES;
                    case "pages" -> Gap.Unit.PAGES;
                    default -> throw new Unreadable("A gap has an unknown unit \"" + attr(gap, "unit") + "\".");
                });
        return new Gap(Gap.Reason.valueOf(upper(attr(gap, "reason"))), extent);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new Unreadable("\"" + value + "\" is not a whole number.");
        }
    }

    private static Margin margin(String place) {
        if (place == null) {
            return null;
        }
        return switch (place) {
            case "margin-left" -> Margin.LEFT;
            case "margin-right" -> Margin.RIGHT;
            case "top" -> Margin.TOP;
            case "bottom" -> Margin.BOTTOM;
            case "interlinear" -> Margin.BETWEEN_LINES;
            case "over-text" -> Margin.OVER_TEXT;
            default -> throw new Unreadable("A note has an unknown @place \"" + place + "\".");
        };
    }

    private static Certainty certainty(String cert) {
        return cert == null ? null : Certainty.valueOf(upper(cert));
    }

    private static ParticipantRole role(String role) {
        return ParticipantRole.valueOf(upper(role));
    }

    private static String edtf(Element date) {
        return date == null ? null : attr(date, "when-custom") != null ? attr(date, "when-custom")
                : attr(date, "when");
    }

    /** The agent an element's {@code @ref} points at, remembered with its element and words. */
    private UUID agentRef(Element name) {
        if (name == null) {
            return null;
        }
        UUID id = agentId(attr(name, "ref"));
        if (id != null) {
            agents.putIfAbsent(id, new AgentRef(name.getLocalName(), name.getTextContent()));
        }
        return id;
    }

    private UUID placeRef(Element name) {
        if (name == null) {
            return null;
        }
        UUID id = agentId(attr(name, "ref"));
        if (id != null) {
            places.putIfAbsent(id, name.getTextContent());
        }
        return id;
    }

    private static UUID agentId(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = UUID_AT_END.matcher(url);
        return m.find() ? UUID.fromString(m.group(1)) : null;
    }

    private static Element firstNameElement(Element parent) {
        for (Element e : elements(parent)) {
            if (Set.of("persName", "orgName", "roleName", "name").contains(e.getLocalName())) {
                return e;
            }
        }
        throw new Unreadable("A participant has no persName, orgName, roleName or name.");
    }

    private static UUID prefixed(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            throw new Unreadable("Expected an xml:id \"" + prefix + "<uuid>\", found " + (id == null ? "none"
                    : "\"" + id + "\"") + ".");
        }
        try {
            return UUID.fromString(id.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("The xml:id \"" + id + "\" does not end in a UUID.");
        }
    }

    private static String upper(String lower) {
        if (lower == null) {
            throw new Unreadable("A required attribute is missing.");
        }
        return lower.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String[] tokens(String value) {
        return value == null || value.isBlank() ? new String[0] : value.trim().split("\\s+");
    }

    // ---------------------------------------------------------------- DOM

    static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    static String xmlAttr(Element e, String name) {
        if (e == null || !e.hasAttributeNS(XMLConstants.XML_NS_URI, name)) {
            return null;
        }
        return e.getAttributeNS(XMLConstants.XML_NS_URI, name);
    }

    private static String xmlId(Element e) {
        return xmlAttr(e, "id");
    }

    /** The element's words, null when it is absent or has none. */
    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String text = e.getTextContent();
        return text.isEmpty() ? null : text;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element e : elements(parent)) {
            if (name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        if (parent != null) {
            for (Element e : elements(parent)) {
                if (name.equals(e.getLocalName())) {
                    list.add(e);
                }
            }
        }
        return list;
    }

    static List<Element> elements(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }
}
