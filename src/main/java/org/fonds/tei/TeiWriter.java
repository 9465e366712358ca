package org.fonds.tei;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.fonds.agent.AgentType;
import org.fonds.agent.AgentView;
import org.fonds.annotation.AnnotationType;
import org.fonds.annotation.AnnotationView;
import org.fonds.annotation.Gap;
import org.fonds.annotation.Margin;
import org.fonds.annotation.Marginalia;
import org.fonds.annotation.Mention;
import org.fonds.annotation.DocumentPartName;
import org.fonds.annotation.PageBreak;
import org.fonds.annotation.TargetView;
import org.fonds.document.Credit;
import org.fonds.document.DocumentView;
import org.fonds.document.Pages;
import org.fonds.document.SourceCitation;
import org.fonds.edtf.DateRange;
import org.fonds.edtf.Edtf;
import org.fonds.media.MediaView;
import org.fonds.link.LinkType;
import org.fonds.link.LinkView;
import org.fonds.participant.ParticipantRole;
import org.fonds.participant.ParticipantView;
import org.fonds.place.PlaceView;
import org.fonds.tei.TextLayout.Fragment;
import org.fonds.tei.TextLayout.PointAt;
import org.fonds.tei.TextLayout.Rank;
import org.fonds.tei.TextLayout.Span;
import org.fonds.text.TextView;

/**
 * One document as a TEI P5 {@code <TEI>} element (the whole of GET /documents/{id}/tei, or one member of the
 * teiCorpus). The mapping, kept regular for the TEI import:
 * <ul>
 * <li>ids: the document {@code doc-<uuid>}, a text {@code text-<uuid>} and its paragraphs {@code text-<uuid>-p<n>},
 * an annotation {@code a-<uuid>}, its target {@code i} {@code a-<uuid>-t<i>} (a wrap element, or the start anchor
 * of a note's span, whose end anchor is {@code a-<uuid>-t<i>-end}), credits {@code credit-<n>}, hands
 * {@code hand-<n>}, the EDTF calendar {@code edtf};</li>
 * <li>dates: the EDTF string in {@code @when-custom} with {@code @datingMethod="#edtf"}, its days in
 * {@code @notBefore}/{@code @notAfter}, and {@code @when} too when the EDTF is a plain year, month or day;</li>
 * <li>annotations: see {@link TextLayout} for where their elements go and how overlaps are kept.</li>
 * </ul>
 */
final class TeiWriter {

    static final String MEDIA_TYPE = "application/tei+xml";

    /** What the writer looks up: agents and places by id (empty when the caller cannot see them). */
    record Lookups(Function<UUID, Optional<AgentView>> agents, Function<UUID, Optional<PlaceView>> places) {
    }

    private final Xml x;
    private final String base;
    private final Lookups lookups;

    /** @param base the API's base URL, ending in {@code /}, for the {@code @ref}s to agents and places */
    TeiWriter(Xml x, String base, Lookups lookups) {
        this.x = x;
        this.base = base;
        this.lookups = lookups;
    }

    void document(DocumentView d, boolean root) {
        x.start("TEI");
        if (root) {
            x.teiNamespace();
        }
        x.xmlAttr("id", "doc-" + d.id());
        Context c = new Context(d);
        header(d, c);
        facsimile(d);
        text(d, c);
        x.end();
    }

    /** What the header declares and the body points at: credits, hands, translators. */
    private final class Context {
        final Map<Credit, String> credits = new LinkedHashMap<>();
        final Map<Hand, String> hands = new LinkedHashMap<>();
        final Map<UUID, String> translators = new LinkedHashMap<>();
        final Map<UUID, AnnotationView> annotations = new LinkedHashMap<>();
        /** The notes on parts of the document, by the part of their first part target (see {@link #partOf}). */
        final Map<DocumentPartName, List<AnnotationView>> partNotes = new java.util.EnumMap<>(DocumentPartName.class);
        /** The editions of the page breaks, by sigil, with their titles (declared in sourceDesc when titled). */
        final Map<String, String> editions = new LinkedHashMap<>();

        Context(DocumentView d) {
            int n = 0;
            for (Credit credit : d.credits()) {
                credits.putIfAbsent(credit, "credit-" + (++n));
            }
            for (TextView t : list(d.texts())) {
                if (t.translatorName() != null) {
                    String id = credits.entrySet().stream()
                            .filter(e -> e.getKey().role() == Credit.Role.TRANSLATOR
                                    && e.getKey().name().equals(t.translatorName()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    if (id == null) {
                        Credit credit = new Credit(Credit.Role.TRANSLATOR, t.translatorName(), t.translatorAgentId());
                        id = "credit-" + (++n);
                        credits.put(credit, id);
                    }
                    translators.put(t.id(), id);
                }
            }
            Pages.editions(d).forEach((edition, title) -> editions.merge(edition, title,
                    (old, next) -> old.isEmpty() ? next : old));
            int h = 0;
            for (AnnotationView a : list(d.annotations())) {
                annotations.put(a.id(), a);
                TargetView part = partOf(a);
                if (part != null) {
                    partNotes.computeIfAbsent(part.part(), k -> new ArrayList<>()).add(a);
                }
                Hand hand = Hand.of(a.marginalia());
                if (hand != null && !hands.containsKey(hand)) {
                    hands.put(hand, "hand-" + (++h));
                }
            }
        }

        String hand(Marginalia m) {
            Hand hand = Hand.of(m);
            return hand == null ? null : "#" + hands.get(hand);
        }

        /** The credit a note of this type is by: the translator of its text, else the first credit of the role. */
        String resp(AnnotationView a) {
            Credit.Role role = switch (a.type()) {
                case TRANSLATOR_NOTE -> Credit.Role.TRANSLATOR;
                case EDITOR_NOTE -> Credit.Role.EDITOR;
                default -> null;
            };
            if (role == null) {
                return null;
            }
            if (role == Credit.Role.TRANSLATOR) {
                for (TargetView t : a.targets()) {
                    if (translators.containsKey(t.textId())) {
                        return "#" + translators.get(t.textId());
                    }
                }
            }
            return credits.entrySet().stream().filter(e -> e.getKey().role() == role)
                    .map(e -> "#" + e.getValue()).findFirst().orElse(null);
        }
    }

    /** The first target of {@code a} that names a part of the document, or null. */
    private static TargetView partOf(AnnotationView a) {
        return a.targets().stream().filter(t -> t.part() != null).findFirst().orElse(null);
    }

    /**
     * The notes on a part of the document, written inside that part's element (FRUS's source footnote in the
     * {@code head}); what else they point at (words of a text) is in their {@code @target}, as for other notes.
     */
    private void partNotes(Context c, DocumentPartName part, java.util.function.Predicate<AnnotationView> which) {
        for (AnnotationView a : c.partNotes.getOrDefault(part, List.of())) {
            if (which.test(a)) {
                String id = "a-" + a.id();
                List<String> starts = new ArrayList<>();
                List<String> ends = new ArrayList<>();
                for (int i = 0; i < a.targets().size(); i++) {
                    if (a.targets().get(i).textId() != null) {
                        starts.add("#" + id + "-t" + i);
                        ends.add("#" + id + "-t" + i + "-end");
                    }
                }
                note(a, c, id, starts.isEmpty() ? null : String.join(" ", starts),
                        ends.isEmpty() ? null : String.join(" ", ends));
            }
        }
    }

    /** A hand of marginalia, as handDesc declares it. */
    private record Hand(UUID agentId, Marginalia.HandCertainty certainty, String description, String medium) {
        static Hand of(Marginalia m) {
            if (m == null || m.hand() == null && m.medium() == null) {
                return null;
            }
            Marginalia.Hand h = m.hand();
            return h == null ? new Hand(null, null, null, m.medium())
                    : new Hand(h.agentId(), h.certainty(), h.description(), m.medium());
        }
    }

    // ---------------------------------------------------------------- header

    private void header(DocumentView d, Context c) {
        x.start("teiHeader");
        x.start("fileDesc");
        x.start("titleStmt").element("title", d.title());
        for (var e : c.credits.entrySet()) {
            Credit credit = e.getKey();
            x.start("respStmt").xmlAttr("id", e.getValue());
            x.start("resp").attr("key", credit.role().name()).text(lower(credit.role())).end();
            x.start("name").attr("ref", agentUrl(credit.agentId())).text(credit.name()).end();
            x.end();
        }
        x.end();
        x.start("publicationStmt");
        x.element("publisher", "Fonds");
        x.start("idno").attr("type", "URI").text(base + "documents/" + d.id()).end();
        if (d.rights() != null) {
            x.start("availability").start("p").text(d.rights()).end().end();
        }
        x.end();
        if (d.classification() != null || d.handling() != null || d.dispatched() != null) {
            x.start("notesStmt");
            if (d.classification() != null) {
                x.start("note").attr("type", "classification").text(d.classification()).end();
            }
            if (d.handling() != null) {
                x.start("note").attr("type", "handling").text(d.handling()).end();
            }
            if (d.dispatched() != null) {
                x.start("note").attr("type", "dispatched");
                date(d.dispatched(), d.dispatched());
                x.end();
            }
            x.end();
        }
        sourceDesc(d, c);
        x.end(); // fileDesc
        x.start("encodingDesc").start("editorialDecl").start("p").text("Each text of the document is a div with its "
                + "language; a line break inside a paragraph is an lb. Annotations are at their words: wrapping "
                + "elements (hi, supplied, unclear, persName, orgName, roleName, placeName, date, seg) cut into "
                + "fragments chained by @next/@prev where they overlap; notes after their words, pointing at them "
                + "with @target/@targetEnd through anchors.").end().end().end();
        profileDesc(d);
        x.end(); // teiHeader
    }

    private void sourceDesc(DocumentView d, Context c) {
        SourceCitation s = d.source();
        x.start("sourceDesc");
        x.start("msDesc");
        x.start("msIdentifier");
        boolean identified = false;
        if (s != null) {
            identified = s.repository() != null || s.collection() != null;
            x.element("repository", s.repository());
            x.element("collection", s.collection());
            for (String[] unit : new String[][] {{"fond", s.fond()}, {"opis", s.opis()}, {"delo", s.delo()},
                    {"papka", s.papka()}, {"listy", s.listy()}}) {
                if (unit[1] != null) {
                    x.start("idno").attr("type", unit[0]).text(unit[1]).end();
                    identified = true;
                }
            }
        }
        for (String number : d.referenceNumbers()) {
            x.start("idno").attr("type", "reference-number").text(number).end();
            identified = true;
        }
        if (!identified) {
            x.element("msName", d.title());
        }
        x.end(); // msIdentifier
        if (d.kindAsWritten() != null) {
            // the document's self-designation, as written: the item's title of that type (TEI 10.6.1); the
            // controlled kind is the classification in textClass
            x.start("msContents").start("msItem").start("title").attr("type", "kind").text(d.kindAsWritten())
                    .end().end().end();
        }
        if (!c.hands.isEmpty()) {
            x.start("physDesc").start("handDesc");
            for (var e : c.hands.entrySet()) {
                Hand h = e.getKey();
                x.start("handNote").xmlAttr("id", e.getValue()).attr("scribeRef", agentUrl(h.agentId()))
                        .attr("cert", h.certainty() == null ? null : lower(h.certainty()))
                        .attr("medium", h.medium() == null ? null : h.medium().strip().replaceAll("\\s+", " "));
                x.start("p").text(h.description() != null ? h.description()
                        : h.agentId() != null ? agentName(h.agentId(), null) : "An unidentified hand.").end();
                x.end();
            }
            x.end().end();
        }
        x.end(); // msDesc
        boolean sourceNotes = c.partNotes.containsKey(DocumentPartName.SOURCE);
        if (s != null && (s.citation() != null || s.url() != null) || sourceNotes) {
            x.start("bibl").attr("type", "citation").text(s == null ? null : s.citation());
            if (s != null && s.url() != null) {
                x.start("ref").attr("target", s.url()).text(s.url()).end();
            }
            partNotes(c, DocumentPartName.SOURCE, a -> true); // the notes on the source line
            x.end();
        }
        if (!c.editions.isEmpty()) {
            x.start("listBibl").attr("type", "editions");
            c.editions.forEach((sigil, title) -> x.start("bibl").xmlAttr("id", "edition-" + sigil).attr("n", sigil)
                    .text(title.isEmpty() ? sigil : title).end());
            x.end();
        }
        x.end();
    }

    private void profileDesc(DocumentView d) {
        x.start("profileDesc");
        if (d.summary() != null) {
            x.start("abstract").start("p").text(d.summary()).end().end();
        }
        x.start("calendarDesc").start("calendar").xmlAttr("id", "edtf").start("p").text("Extended Date/Time Format "
                + "(EDTF, ISO 8601-2:2019 levels 0 and 1), ").start("ref")
                .attr("target", "https://www.loc.gov/standards/datetime/").text("Library of Congress EDTF")
                .end().text(".").end().end().end();
        if (d.date() != null || d.placeOfOriginId() != null) {
            x.start("creation");
            if (d.date() != null) {
                date(d.date(), d.date());
            }
            place(d.placeOfOriginId());
            x.end();
        }
        Set<String> languages = new LinkedHashSet<>(d.languages());
        list(d.texts()).forEach(t -> languages.add(t.language()));
        if (!languages.isEmpty()) {
            x.start("langUsage");
            for (String language : languages) {
                x.start("language").attr("ident", language).text(language).end();
            }
            x.end();
        }
        List<ParticipantView> participants = list(d.participants()).stream()
                .sorted(Comparator.comparingInt(ParticipantView::position)).toList();
        List<ParticipantView> actions = participants.stream().filter(p -> action(p) != null).toList();
        boolean enclosures = java.util.stream.Stream.concat(list(d.links()).stream(), list(d.linkedFrom()).stream())
                .anyMatch(l -> l.type() == LinkType.ENCLOSURE_OF
                        && (l.targetDocumentId() != null || !l.documentId().equals(d.id())));
        if (!actions.isEmpty() || enclosures) {
            x.start("correspDesc");
            for (String type : List.of("sent", "received")) {
                for (ParticipantView p : actions) {
                    if (action(p).equals(type)) {
                        x.start("correspAction").attr("type", type).attr("subtype", subtype(p));
                        agent(p.agentId(), p.nameAsWritten());
                        place(p.placeId());
                        if (p.date() != null) {
                            date(p.date(), p.date());
                        }
                        x.end();
                    }
                }
            }
            correspContext(d);
            x.end();
        }
        List<ParticipantView> others = participants.stream().filter(p -> action(p) == null).toList();
        if (!others.isEmpty()) {
            x.start("particDesc");
            participantList("listPerson", "person", others.stream().filter(p -> !isOrganisation(p.agentId())).toList());
            participantList("listOrg", "org", others.stream().filter(p -> isOrganisation(p.agentId())).toList());
            x.end();
        }
        x.start("textClass").start("keywords").start("term").attr("type", "kind").text(lower(d.kind())).end()
                .end().end();
        x.end();
    }

    /** listPerson/person or listOrg/org, each with its role and its name linked to the agent. */
    private void participantList(String list, String member, List<ParticipantView> participants) {
        if (participants.isEmpty()) {
            return;
        }
        x.start(list);
        for (ParticipantView p : participants) {
            x.start(member).attr("role", role(p));
            agent(p.agentId(), p.nameAsWritten());
            x.end();
        }
        x.end();
    }

    /** {@code sent} for who sends or signs, {@code received} for who it is addressed to; null for the others. */
    private static String action(ParticipantView p) {
        return switch (p.role()) {
            case SENDER, AUTHOR, SIGNATORY -> "sent";
            case RECIPIENT, VIA, COPY_RECIPIENT, INFORMATION_ADDRESSEE -> "received";
            default -> null;
        };
    }

    private static String subtype(ParticipantView p) {
        return switch (p.role()) {
            case SENDER, RECIPIENT -> null;
            default -> role(p);
        };
    }

    private static String role(ParticipantView p) {
        return p.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private boolean isOrganisation(UUID agentId) {
        return lookups.agents().apply(agentId).map(a -> a.type() != AgentType.PERSON).orElse(false);
    }

    /** persName, orgName or roleName with @ref to the agent, its name as written or its preferred name. */
    private void agent(UUID id, String asWritten) {
        Optional<AgentView> agent = id == null ? Optional.empty() : lookups.agents().apply(id);
        x.start(nameElement(agent.map(AgentView::type).orElse(null)))
                .attr("ref", agent.isPresent() ? agentUrl(id) : null)
                .text(asWritten != null ? asWritten : agent.map(AgentView::preferredName).orElse("")).end();
    }

    private void place(UUID id) {
        if (id == null) {
            return;
        }
        lookups.places().apply(id).ifPresent(p -> x.start("placeName").attr("ref", base + "places/" + id)
                .text(p.preferredName()).end());
    }

    private static String nameElement(AgentType type) {
        if (type == null) {
            return "name";
        }
        return switch (type) {
            case PERSON -> "persName";
            case OFFICE -> "roleName";
            case ORGANISATION, GROUP -> "orgName";
        };
    }

    private String agentName(UUID id, String fallback) {
        return lookups.agents().apply(id).map(AgentView::preferredName).orElse(fallback);
    }

    private String agentUrl(UUID id) {
        return id == null || lookups.agents().apply(id).isEmpty() ? null : base + "agents/" + id;
    }

    /** {@code <date>} with the EDTF attributes and the given words. */
    private void date(String edtf, String words) {
        x.start("date");
        dateAttributes(edtf);
        x.text(words).end();
    }

    private void dateAttributes(String edtf) {
        x.attr("when", Edtf.PLAIN_DATE.matcher(edtf).matches() ? edtf : null)
                .attr("when-custom", edtf).attr("datingMethod", "#edtf");
        DateRange range = DateRange.of(edtf);
        if (range != null && !Edtf.PLAIN_DATE.matcher(edtf).matches()) {
            x.attr("notBefore", xsdDate(range.earliest())).attr("notAfter", xsdDate(range.latest()));
        }
    }

    private static String xsdDate(java.time.LocalDate day) {
        return day == null || day.getYear() < 1 || day.getYear() > 9999 ? null : day.toString();
    }

    // ---------------------------------------------------------------- body

    /** The media items (page images, photographs) as graphics, in page order, each with its caption. */
    private void facsimile(DocumentView d) {
        List<MediaView> media = list(d.media()).stream().sorted(Comparator.comparing(MediaView::pageNumber,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (media.isEmpty()) {
            return;
        }
        x.start("facsimile");
        for (MediaView m : media) {
            x.start("graphic").xmlAttr("id", "media-" + m.id()).attr("url", m.url()).attr("mimeType", m.mediaType())
                    .attr("n", m.pageNumber());
            if (m.caption() != null) {
                x.element("desc", m.caption());
            }
            x.end();
        }
        x.end();
    }

    private void text(DocumentView d, Context c) {
        x.start("text").start("body");
        opener(d, c);
        List<TextView> texts = list(d.texts());
        if (texts.isEmpty()) {
            x.empty("p");
        }
        Map<UUID, List<Span>> spans = new LinkedHashMap<>();
        Map<UUID, List<PointAt>> points = new LinkedHashMap<>();
        texts.forEach(t -> {
            spans.put(t.id(), new ArrayList<>());
            points.put(t.id(), new ArrayList<>());
        });
        int order = 0;
        for (AnnotationView a : c.annotations.values()) {
            order++;
            marks(a, c, order, spans, points);
        }
        for (TextView t : texts) {
            x.start("div").xmlAttr("id", "text-" + t.id()).attr("type", lower(t.role())).xmlAttr("lang", t.language())
                    .attr("resp", c.translators.containsKey(t.id()) ? "#" + c.translators.get(t.id()) : null);
            TextLayout.write(x, "text-" + t.id(), t.sections(), t.content(), spans.get(t.id()), points.get(t.id()));
            x.end();
        }
        closer(d, c);
        x.end().end();
    }

    /**
     * The heading and the dateline at the top of the body, when notes concern them (TEI's {@code head} and
     * {@code dateline}, with the notes inside, as FRUS writes its source footnote in the {@code head}).
     */
    private void opener(DocumentView d, Context c) {
        if (c.partNotes.containsKey(DocumentPartName.HEADING)) {
            x.start("head").text(d.title());
            partNotes(c, DocumentPartName.HEADING, a -> true);
            x.end();
        }
        if (c.partNotes.containsKey(DocumentPartName.DATELINE)) {
            x.start("dateline");
            place(d.placeOfOriginId());
            if (d.date() != null) {
                x.text(d.placeOfOriginId() == null ? null : ", ");
                date(d.date(), d.date());
            }
            partNotes(c, DocumentPartName.DATELINE, a -> true);
            x.end();
        }
    }

    /**
     * After the texts: the signatures (each SIGNATORY in {@code signed}, inside {@code supplied} when the editors
     * supplied it, with the notes on it), then a {@code ref} to each enclosure and to the covering document.
     */
    private void closer(DocumentView d, Context c) {
        List<ParticipantView> signatories = list(d.participants()).stream()
                .filter(p -> p.role() == ParticipantRole.SIGNATORY)
                .sorted(Comparator.comparingInt(ParticipantView::position)).toList();
        java.util.Set<UUID> signed = new java.util.HashSet<>();
        for (ParticipantView p : signatories) {
            signed.add(p.id());
            x.start("signed").xmlAttr("id", "participant-" + p.id());
            if (p.supplied()) {
                x.start("supplied").attr("reason", "signature not on the source copy");
            }
            agent(p.agentId(), p.nameAsWritten());
            if (p.supplied()) {
                x.end();
            }
            partNotes(c, DocumentPartName.SIGNATURE, a -> p.id().equals(partOf(a).participantId()));
            x.end();
        }
        // notes on a signature that names no signatory shown here
        if (c.partNotes.getOrDefault(DocumentPartName.SIGNATURE, List.of()).stream()
                .anyMatch(a -> !signed.contains(partOf(a).participantId()))) {
            x.start("signed");
            partNotes(c, DocumentPartName.SIGNATURE, a -> !signed.contains(partOf(a).participantId()));
            x.end();
        }
    }

    /**
     * The enclosures of this document and the document it is enclosed in, as TEI's correspContext points at related
     * letters: {@code <ref type="enclosure">} to each document linked to this one by ENCLOSURE_OF, and
     * {@code <ref type="enclosed-in">} to the covering document.
     */
    private void correspContext(DocumentView d) {
        List<String[]> refs = new ArrayList<>();
        for (LinkView l : list(d.links())) {
            if (l.type() == LinkType.ENCLOSURE_OF && l.targetDocumentId() != null) {
                refs.add(new String[] {"enclosed-in", base + "documents/" + l.targetDocumentId(),
                        l.referenceAsWritten() != null ? l.referenceAsWritten() : "Enclosed in " + l.targetDocumentId()});
            }
        }
        for (LinkView l : list(d.linkedFrom())) {
            if (l.type() == LinkType.ENCLOSURE_OF) {
                refs.add(new String[] {"enclosure", base + "documents/" + l.documentId(), "Enclosure "
                        + l.documentId()});
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        x.start("correspContext");
        refs.forEach(r -> x.start("ref").attr("type", r[0]).attr("target", r[1]).text(r[2]).end());
        x.end();
    }

    /** The marks of one annotation: a wrap per target, or anchors around each target and the element after them. */
    private void marks(AnnotationView a, Context c, int order, Map<UUID, List<Span>> spans,
            Map<UUID, List<PointAt>> points) {
        String id = "a-" + a.id();
        List<TargetView> targets = a.targets().stream().filter(t -> spans.containsKey(t.textId())).toList();
        if (targets.isEmpty()) {
            return;
        }
        if (a.type() == AnnotationType.PAGE_BREAK && a.pageBreak() != null) {
            // the break stands before the first character of the page's first words
            TargetView t = targets.get(0);
            PageBreak p = a.pageBreak();
            boolean titled = p.edition() != null && !c.editions.getOrDefault(p.edition(), "").isEmpty();
            points.get(t.textId()).add(new PointAt(t.start(), Rank.START, order, w -> w.empty("pb").xmlAttr("id", id)
                    .attr("n", p.n()).attr("ed", p.edition())
                    .attr("edRef", titled ? "#edition-" + p.edition() : null)));
            return;
        }
        boolean onPart = partOf(a) != null;
        TextLayout.Wrap wrap = onPart ? null : wrap(a, c);
        if (wrap != null) {
            for (int i = 0; i < a.targets().size(); i++) {
                TargetView t = a.targets().get(i);
                if (spans.containsKey(t.textId())) {
                    spans.get(t.textId()).add(new Span(t.start(), t.end(), id + "-t" + i, order, wrap));
                }
            }
            return;
        }
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        TargetView last = null;
        for (int i = 0; i < a.targets().size(); i++) {
            TargetView t = a.targets().get(i);
            if (!spans.containsKey(t.textId())) {
                continue;
            }
            String start = id + "-t" + i;
            String end = start + "-end";
            starts.add("#" + start);
            ends.add("#" + end);
            points.get(t.textId()).add(new PointAt(t.start(), Rank.START, order, w -> w.empty("anchor").xmlAttr("id", start)));
            points.get(t.textId()).add(new PointAt(t.end(), Rank.END, order, w -> w.empty("anchor").xmlAttr("id", end)));
            if (last == null || t.textId().equals(last.textId()) && t.end() >= last.end()) {
                last = t;
            }
        }
        if (onPart) {
            return; // the note is in its part's element (partNotes), pointing at these anchors
        }
        String target = String.join(" ", starts);
        String targetEnd = String.join(" ", ends);
        points.get(last.textId()).add(new PointAt(last.end(), Rank.AFTER, order, w -> note(a, c, id, target, targetEnd)));
    }

    /** The wrapping element of an annotation type, or null for those written as notes after their words. */
    private TextLayout.Wrap wrap(AnnotationView a, Context c) {
        return switch (a.type()) {
            case FOREIGN_TERM -> new Wrap("seg", f -> x.attr("type", "foreign-term")) {
                @Override
                void beforeEnd(Fragment f) {
                    x.start("note").attr("type", "foreign-term");
                    x.start("foreign").xmlAttr("lang", a.foreignTerm().language()).text(a.foreignTerm().term()).end();
                    if (a.foreignTerm().scriptForm() != null) {
                        x.text(" ");
                        x.start("foreign").xmlAttr("lang", a.foreignTerm().language().split("-")[0])
                                .text(a.foreignTerm().scriptForm()).end();
                    }
                    x.end();
                }
            };
            case UNCERTAIN_READING -> new Wrap("unclear", f -> x.attr("cert", a.uncertainReading().certainty() == null
                    ? null : lower(a.uncertainReading().certainty()))) {
                @Override
                void beforeEnd(Fragment f) {
                    String exact = a.targets().get(0).exact();
                    if (!a.uncertainReading().reading().equals(exact)) {
                        x.start("note").attr("type", "reading").text(a.uncertainReading().reading()).end();
                    }
                    for (String alternative : list(a.uncertainReading().alternatives())) {
                        x.start("note").attr("type", "alternative").text(alternative).end();
                    }
                }
            };
            case SUPPLIED -> new Wrap("supplied", f -> x.attr("reason", a.supplied().reason() == null ? null
                    : a.supplied().reason().strip().replaceAll("\\s+", " "))) {
            };
            case GAP -> new Wrap("seg", f -> x.attr("type", "gap")) {
                @Override
                void afterStart(Fragment f) {
                    if (f.first()) {
                        gap(a.gap().reason(), a.gap().extent());
                    }
                }
            };
            case MENTION -> mention(a.mention());
            case MARGINALIA -> switch (a.marginalia().kind()) {
                case CIRCLING, UNDERLINING, STRIKE_THROUGH -> new Wrap("hi", f -> x
                        .attr("rend", switch (a.marginalia().kind()) {
                            case CIRCLING -> "circled";
                            case UNDERLINING -> "underlined";
                            default -> "struck-through";
                        })
                        .attr("hand", c.hand(a.marginalia()))
                        .attr("corresp", a.marginalia().reportedById() == null ? null
                                : "#a-" + a.marginalia().reportedById())) {
                };
                default -> null;
            };
            default -> null;
        };
    }

    private TextLayout.Wrap mention(Mention m) {
        Optional<AgentView> agent = m.agentId() == null ? Optional.empty() : lookups.agents().apply(m.agentId());
        String element;
        String ref = null;
        if (m.agentId() != null) {
            element = nameElement(agent.map(AgentView::type).orElse(null));
            ref = agentUrl(m.agentId());
        } else if (m.placeId() != null) {
            element = "placeName";
            ref = lookups.places().apply(m.placeId()).isPresent() ? base + "places/" + m.placeId() : null;
        } else if (m.date() != null) {
            element = "date";
        } else {
            element = "name";
        }
        String target = ref;
        String variant = m.variantWrittenInline();
        return new Wrap(element, f -> {
            x.attr("ref", target);
            if (m.date() != null && m.agentId() == null && m.placeId() == null) {
                dateAttributes(m.date());
            }
        }) {
            private boolean choice(Fragment f) {
                return variant != null && f.first() && f.last();
            }

            @Override
            void afterStart(Fragment f) {
                if (choice(f)) {
                    x.start("choice").start("orig");
                }
            }

            @Override
            void beforeEnd(Fragment f) {
                if (choice(f)) {
                    x.end().start("reg").text(variant).end().end();
                } else if (variant != null && f.last()) {
                    x.start("note").attr("type", "variant").start("reg").text(variant).end().end();
                }
            }
        };
    }

    /** A wrapping element: its attributes, and what goes at its start and end (in its first and last fragments). */
    private abstract class Wrap implements TextLayout.Wrap {
        private final String element;
        private final java.util.function.Consumer<Fragment> attributes;

        Wrap(String element, java.util.function.Consumer<Fragment> attributes) {
            this.element = element;
            this.attributes = attributes;
        }

        @Override
        public void open(Xml w, Fragment f) {
            x.start(element).xmlAttr("id", f.id()).attr("prev", f.prev() == null ? null : "#" + f.prev())
                    .attr("next", f.next() == null ? null : "#" + f.next());
            attributes.accept(f);
            afterStart(f);
        }

        @Override
        public void close(Xml w, Fragment f) {
            if (f.last()) {
                beforeEnd(f);
            }
            x.end();
        }

        void afterStart(Fragment f) {
        }

        void beforeEnd(Fragment f) {
        }
    }

    /** A note after its words: translator's, editor's, footnote, or a marginal mark with its transcription. */
    private void note(AnnotationView a, Context c, String id, String target, String targetEnd) {
        x.start("note").xmlAttr("id", id);
        Marginalia m = a.marginalia();
        if (a.type() == AnnotationType.MARGINALIA) {
            x.attr("type", "marginal").attr("subtype", lower(m.kind())).attr("place", place(m.position()))
                    .attr("hand", c.hand(m))
                    .attr("corresp", m.reportedById() == null ? null : "#a-" + m.reportedById())
                    .attr("rend", m.connector() == null || m.connector() == Marginalia.Connector.NONE ? null
                            : "connector-" + lower(m.connector()));
        } else {
            x.attr("type", switch (a.type()) {
                case TRANSLATOR_NOTE -> "translator";
                case EDITOR_NOTE -> "editor";
                case FOOTNOTE -> "footnote";
                default -> lower(a.type());
            }).attr("n", a.footnote() == null ? null : a.footnote().marker()).attr("resp", c.resp(a));
        }
        x.attr("target", target).attr("targetEnd", targetEnd);
        if (m != null) {
            transcription(m.transcription());
        } else {
            x.text(a.noteText());
        }
        loci(a, id);
        x.end();
    }

    /**
     * Where on the page the note's words are, when the target says (its page and lines, e.g. the lines a margin
     * comment's line is drawn to): a {@code locus} per target, pointing at the target's start anchor.
     */
    private void loci(AnnotationView a, String id) {
        for (int i = 0; i < a.targets().size(); i++) {
            TargetView t = a.targets().get(i);
            if (t.page() == null && t.lineStart() == null) {
                continue;
            }
            String lines = t.lineStart() == null ? null : t.lineEnd() == null || t.lineEnd().equals(t.lineStart())
                    ? "line " + t.lineStart() : "lines " + t.lineStart() + "–" + t.lineEnd();
            x.start("locus").attr("target", "#" + id + "-t" + i).attr("n", t.page()).attr("from", t.lineStart())
                    .attr("to", t.lineEnd())
                    .text(t.page() == null ? lines : "p. " + t.page() + (lines == null ? "" : ", " + lines)).end();
        }
    }

    /** The marginal words, with unclear readings and gaps at their offsets. */
    private void transcription(Marginalia.Transcription t) {
        if (t == null) {
            return;
        }
        String text = t.text();
        List<Marginalia.Uncertain> uncertain = new ArrayList<>(list(t.uncertain()));
        uncertain.sort(Comparator.comparingInt(Marginalia.Uncertain::start));
        List<Marginalia.TranscriptionGap> gaps = new ArrayList<>(list(t.gaps()));
        gaps.sort(Comparator.comparingInt(Marginalia.TranscriptionGap::after));
        int pos = 0;
        int g = 0;
        for (Marginalia.Uncertain u : uncertain) {
            int start = Math.max(pos, Math.min(u.start(), text.length()));
            int end = Math.max(start, Math.min(u.end(), text.length()));
            g = gapsUpTo(text, gaps, g, pos, start);
            pos = start;
            x.start("unclear").attr("cert", u.certainty() == null ? null : lower(u.certainty()));
            x.text(text.substring(start, end));
            if (!u.reading().equals(text.substring(start, end))) {
                x.start("note").attr("type", "reading").text(u.reading()).end();
            }
            x.end();
            pos = end;
        }
        g = gapsUpTo(text, gaps, g, pos, text.length());
        if (g < gaps.size()) {
            gapsUpTo(text, gaps, g, text.length(), Integer.MAX_VALUE);
        }
    }

    /** Writes the text from {@code pos} to {@code to} with the gaps that fall in it; returns the next gap's index. */
    private int gapsUpTo(String text, List<Marginalia.TranscriptionGap> gaps, int g, int pos, int to) {
        while (g < gaps.size() && gaps.get(g).after() <= to) {
            int at = Math.max(pos, Math.min(gaps.get(g).after(), text.length()));
            x.text(text.substring(pos, at));
            gap(gaps.get(g).reason(), gaps.get(g).extent());
            pos = at;
            g++;
        }
        if (to != Integer.MAX_VALUE) {
            x.text(text.substring(pos, Math.min(to, text.length())));
        }
        return g;
    }

    private void gap(Gap.Reason reason, Gap.Extent extent) {
        x.empty("gap").attr("reason", lower(reason));
        if (extent != null) {
            x.attr("quantity", extent.quantity()).attr("unit", switch (extent.unit()) {
                case WORDS -> "words";
                case CHARACTERS -> "chars";
                case LINES -> "lines";
                case PAGES -> "pages";
            });
        }
    }

    private static String place(Margin margin) {
        if (margin == null) {
            return null;
        }
        return switch (margin) {
            case LEFT -> "margin-left";
            case RIGHT -> "margin-right";
            case TOP -> "top";
            case BOTTOM -> "bottom";
            case BETWEEN_LINES -> "interlinear";
            case OVER_TEXT -> "over-text";
        };
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
