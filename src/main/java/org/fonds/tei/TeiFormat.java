package org.fonds.tei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fonds.agent.AgentInput;
import org.fonds.agent.AgentService;
import org.fonds.agent.AgentType;
import org.fonds.annotation.AnnotationInput;
import org.fonds.annotation.AnnotationService;
import org.fonds.bulk.ImportFormat;
import org.fonds.bulk.ImportUnits;
import org.fonds.document.DocumentService;
import org.fonds.http.ProblemException;
import org.fonds.media.MediaService;
import org.fonds.name.NameVariant;
import org.fonds.link.LinkInput;
import org.fonds.participant.ParticipantInput;
import org.fonds.participant.ParticipantService;
import org.fonds.place.PlaceInput;
import org.fonds.place.PlaceService;
import org.fonds.text.TextService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * TEI as Fonds writes it ({@code GET /documents/{id}/tei}, {@code GET /tei-corpus}) coming back through
 * {@code POST /imports}: one unit per {@code <TEI>} element, read with StAX so that a whole corpus streams, each element
 * built as a small DOM and mapped by {@link TeiReader}. A document keeps the ids its file names, so importing a file
 * twice creates nothing new and an export of the import gives the same TEI. The agents and places it points at are
 * linked when this archive has them and created from the file's words when it does not.
 */
@ApplicationScoped
public class TeiFormat implements ImportFormat {

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();
    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** The DOM user data key of an element's line in the file. */
    private static final String LINE = "fonds.line";

    private final ObjectMapper json;
    private final org.fonds.link.LinkService links;
    private final DocumentService documents;
    private final TextService texts;
    private final ParticipantService participants;
    private final MediaService media;
    private final AnnotationService annotations;
    private final AgentService agents;
    private final PlaceService places;
    private final org.fonds.agent.AgentMatcher matcher;

    public TeiFormat(org.fonds.agent.AgentMatcher matcher, ObjectMapper json, DocumentService documents,
            TextService texts,
            ParticipantService participants, MediaService media, AnnotationService annotations, AgentService agents,
            PlaceService places, org.fonds.link.LinkService links) {
        this.matcher = matcher;
        this.json = json;
        this.links = links;
        this.documents = documents;
        this.texts = texts;
        this.participants = participants;
        this.media = media;
        this.annotations = annotations;
        this.agents = agents;
        this.places = places;
    }

    @Override
    public String mediaType() {
        return TeiWriter.MEDIA_TYPE;
    }

    @Override
    public String name() {
        return "TEI";
    }

    @Override
    public void read(InputStream file, ImportUnits units) throws IOException {
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(file);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && Xml.TEI_NS.equals(xml.getNamespaceURI())
                        && "TEI".equals(xml.getLocalName())) {
                    long line = xml.getLocation().getLineNumber();
                    Element tei = subtree(xml);
                    String id = TeiReader.xmlAttr(tei, "id");
                    if ((id == null || !id.startsWith("doc-")) && FrusReader.isVolume(tei)) {
                        frus(tei, line, units);
                        continue;
                    }
                    TeiReader.Read read;
                    try {
                        read = TeiReader.read(tei);
                    } catch (TeiReader.Unreadable | IllegalArgumentException e) {
                        units.problem(line, "This TEI element does not follow Fonds' TEI mapping: " + e.getMessage());
                        continue;
                    }
                    units.unit(line, "tei:" + read.id(), report(read), () -> write(read));
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            units.problem(Math.max(1, line), "The file is not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * The element the reader is at, as a DOM; the reader is left at its end. Built here: the JDK's identity transform
     * of a {@code StAXSource} positioned at an element inside a document fails (HIERARCHY_REQUEST_ERR).
     */
    private static Element subtree(XMLStreamReader xml) throws XMLStreamException {
        Document dom = BUILDER.get().newDocument();
        org.w3c.dom.Node parent = dom;
        int depth = 0;
        do {
            switch (xml.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element e = dom.createElementNS(xml.getNamespaceURI(), xml.getLocalName());
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String ns = xml.getAttributeNamespace(i);
                        String prefix = xml.getAttributePrefix(i);
                        String name = prefix == null || prefix.isEmpty() ? xml.getAttributeLocalName(i)
                                : prefix + ":" + xml.getAttributeLocalName(i);
                        e.setAttributeNS(ns == null || ns.isEmpty() ? null : ns, name, xml.getAttributeValue(i));
                    }
                    e.setUserData(LINE, (long) xml.getLocation().getLineNumber(), null);
                    parent.appendChild(e);
                    parent = e;
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    parent = parent.getParentNode();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    parent.appendChild(dom.createTextNode(xml.getText()));
                default -> {
                }
            }
            if (depth > 0) {
                xml.next();
            }
        } while (depth > 0);
        return dom.getDocumentElement();
    }

    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A FRUS volume: a unit per document div, its attachments written with it as its enclosures. */
    private void frus(Element tei, long line, ImportUnits units) {
        List<FrusReader.Document> documents;
        try {
            documents = FrusReader.read(tei, e -> e.getUserData(LINE) instanceof Long l ? l : line);
        } catch (TeiReader.Unreadable | IllegalArgumentException e) {
            units.problem(line, "This FRUS volume cannot be read: " + e.getMessage());
            return;
        }
        String volume = TeiReader.xmlAttr(tei, "id");
        for (FrusReader.Document d : documents) {
            ObjectNode report = (ObjectNode) report(d.read());
            report.put("frus_document", volume + "/" + d.divId());
            report.put("enclosures", d.enclosures().size());
            units.unit(d.line(), "frus:" + volume + "/" + d.divId(), report, () -> {
                String path = write(withKnownAgents(d.read()));
                for (int i = 0; i < d.enclosures().size(); i++) {
                    TeiReader.Read enclosure = d.enclosures().get(i);
                    write(withKnownAgents(enclosure));
                    links.create(enclosure.id(), d.enclosureLinks().get(i));
                }
                return path;
            });
        }
    }

    private JsonNode report(TeiReader.Read read) {
        ObjectNode report = json.createObjectNode();
        report.put("document_id", read.id().toString());
        report.put("title", read.document().title());
        report.put("texts", read.texts().size());
        report.put("participants", read.participants().size());
        report.put("media", read.media().size());
        report.put("annotations", read.annotations().size());
        return report;
    }

    /**
     * A FRUS document whose people this archive already has: a name ("Acheson", "John J. Muccio") that is, letter for
     * letter once keyed (the name search's EXACT match: case, diacritics and punctuation aside), a name variant of
     * exactly one agent here points at that agent instead of a new one named by the volume (AgentMatcher#only). Two agents with that variant, or none: the
     * volume's own agent (created once, then found by its id). An agent the volume created before stays in use.
     */
    private TeiReader.Read withKnownAgents(TeiReader.Read read) {
        Map<UUID, UUID> known = new java.util.HashMap<>();
        read.agents().forEach((id, ref) -> {
            if (!exists(() -> agents.get(id))) {
                matcher.only(ref.name()).ifPresent(agent -> known.put(id, agent));
            }
        });
        if (known.isEmpty()) {
            return read;
        }
        Map<UUID, TeiReader.AgentRef> unknown = new java.util.LinkedHashMap<>(read.agents());
        unknown.keySet().removeAll(known.keySet());
        List<TeiReader.IdParticipant> participants = read.participants().stream().map(p -> {
            ParticipantInput in = p.input();
            UUID agent = known.getOrDefault(in.agentId(), in.agentId());
            return new TeiReader.IdParticipant(p.id(), new ParticipantInput(agent, in.role(), in.position(),
                    in.nameAsWritten(), in.office(), in.copyNumber(), in.placeId(), in.date(), in.supplied()));
        }).toList();
        return new TeiReader.Read(read.id(), read.document(), read.texts(), participants, read.media(),
                read.annotations(), read.links(), unknown, read.places());
    }

    /** Creates the document under its ids, with the agents and places this archive lacks; its path. */
    private String write(TeiReader.Read read) {
        read.agents().forEach((id, ref) -> {
            if (!exists(() -> agents.get(id))) {
                AgentType type = switch (ref.element()) {
                    case "orgName" -> AgentType.ORGANISATION;
                    case "roleName" -> AgentType.OFFICE;
                    default -> AgentType.PERSON;
                };
                agents.create(null, id, new AgentInput(type, List.of(new NameVariant(ref.name(), null, null, true)),
                        null, null, null, null));
            }
        });
        read.places().forEach((id, name) -> {
            if (!exists(() -> places.get(id))) {
                places.create(null, id, new PlaceInput(List.of(new NameVariant(name, null, null, true)), null, null,
                        null, null));
            }
        });
        UUID id = read.id();
        documents.create(null, id, read.document());
        read.texts().forEach(t -> texts.create(id, t.id(), t.input()));
        for (TeiReader.IdParticipant p : read.participants()) {
            participants.create(id, p.id(), p.input());
        }
        for (LinkInput link : read.links()) {
            boolean known = link.targetDocumentId() != null && exists(() -> documents.get(link.targetDocumentId()));
            links.create(id, known || link.targetDocumentId() == null ? link : new LinkInput(link.type(), null,
                    link.referenceAsWritten() != null ? link.referenceAsWritten()
                            : "document " + link.targetDocumentId(), link.note()));
        }
        read.media().forEach(m -> media.create(id, m.id(), m.input()));
        // a mark that names the note reporting it (marginalia's reported_by_id) comes after that note
        Set<UUID> reporters = new HashSet<>();
        read.annotations().forEach(a -> {
            if (a.input().marginalia() != null && a.input().marginalia().reportedById() != null) {
                reporters.add(a.input().marginalia().reportedById());
            }
        });
        List<TeiReader.IdAnnotation> ordered = new ArrayList<>(read.annotations());
        ordered.sort(Comparator.comparing(a -> !reporters.contains(a.id())));
        for (TeiReader.IdAnnotation a : ordered) {
            AnnotationInput input = a.input();
            annotations.create(id, a.id(), input);
        }
        return "/documents/" + id;
    }

    private static boolean exists(Runnable get) {
        try {
            get.run();
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}
