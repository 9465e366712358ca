package org.fonds.tei;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fonds.agent.AgentService;
import org.fonds.agent.AgentView;
import org.fonds.annotation.AnnotationView;
import org.fonds.document.DocumentService;
import org.fonds.document.DocumentView;
import org.fonds.document.Embed;
import org.fonds.http.ProblemException;
import org.fonds.participant.ParticipantView;
import org.fonds.place.PlaceService;
import org.fonds.place.PlaceView;

/**
 * TEI P5 of what Fonds stores, read through the same services as the JSON (so through the views: what the caller may
 * not see is not there): one document, or every document the caller may see as a streamed {@code teiCorpus}.
 */
@ApplicationScoped
public class TeiService {

    /** Documents read per keyset page of the corpus. */
    static final int PAGE = 100;
    /** Agents and places remembered while streaming the corpus (bounded: constant memory). */
    private static final int REMEMBERED = 10_000;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @Inject
    DocumentService documents;
    @Inject
    AgentService agents;
    @Inject
    PlaceService places;
    @Inject
    EntityManager em;

    /** One document, ready to write: its fully embedded view, what it refers to, and the ETag of its TEI. */
    public record Prepared(DocumentView document, TeiWriter.Lookups lookups, EntityTag etag) {
    }

    /** The document with everything embedded (404 when the caller may not see it, 410 when deleted). */
    public Prepared prepare(UUID id) {
        DocumentView d = documents.get(id, EnumSet.allOf(Embed.class));
        TeiWriter.Lookups lookups = lookups(new LinkedHashMap<>(), new LinkedHashMap<>());
        // the agents and places the TEI names are part of it: their versions go into the tag
        List<String> versions = new ArrayList<>();
        for (UUID agent : agentsOf(d)) {
            lookups.agents().apply(agent).ifPresent(a -> versions.add(a.id() + ":" + a.version()));
        }
        for (UUID place : placesOf(d)) {
            lookups.places().apply(place).ifPresent(p -> versions.add(p.id() + ":" + p.version()));
        }
        EntityTag tag = new EntityTag(d.etag().getValue() + "-tei-" + Integer.toHexString(versions.hashCode()));
        return new Prepared(d, lookups, tag);
    }

    /** The TEI of a prepared document, a whole XML file. */
    public String write(Prepared p, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Xml.TEI_NS);
            writeInto(p, base, xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new Xml.WriteFailed(e);
        }
        return out.toString();
    }

    /** The {@code TEI} element of a prepared document, with its namespace declared, into a writer already open. */
    void writeInto(Prepared p, String base, XMLStreamWriter xml) {
        new TeiWriter(new Xml(xml), base, p.lookups()).document(p.document(), true);
    }

    /**
     * Every document the caller may see, in id order, as one {@code teiCorpus}: a keyset page of ids at a time, each
     * document read and written before the next, so memory stays flat whatever the archive's size.
     */
    public void corpus(OutputStream stream, String base) {
        try {
            Writer out = new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Xml.TEI_NS);
            Xml x = new Xml(xml);
            x.start("teiCorpus").teiNamespace();
            corpusHeader(x, base);
            TeiWriter writer = new TeiWriter(x, base, lookups(bounded(), bounded()));
            UUID after = null;
            while (true) {
                List<UUID> ids = page(after);
                for (UUID id : ids) {
                    Optional<DocumentView> d = visible(id);
                    d.ifPresent(view -> writer.document(view, false));
                }
                xml.flush();
                em.clear(); // nothing read is kept: the session stays as small as one page
                if (ids.size() < PAGE) {
                    break;
                }
                after = ids.get(ids.size() - 1);
            }
            x.end();
            xml.writeEndDocument();
            xml.flush();
            out.flush();
        } catch (XMLStreamException | java.io.IOException e) {
            throw new IllegalStateException("Could not write the TEI corpus", e);
        }
    }

    private static void corpusHeader(Xml x, String base) {
        x.start("teiHeader").start("fileDesc");
        x.start("titleStmt").element("title", "Fonds: every document of the archive").end();
        x.start("publicationStmt").element("publisher", "Fonds")
                .start("idno").attr("type", "URI").text(base + "tei-corpus").end().end();
        x.start("sourceDesc").start("p").text("The documents of the archive that the caller may see, each with its "
                + "own header and sources, as GET /documents/{document_id}/tei gives them.").end().end();
        x.end().end();
    }

    /** The next keyset page of the ids the caller may see (the view hides the others). */
    @SuppressWarnings("unchecked")
    private List<UUID> page(UUID after) {
        var query = em.createNativeQuery(after == null
                ? "SELECT CAST(d.id AS text) FROM document d ORDER BY d.id LIMIT :n"
                : "SELECT CAST(d.id AS text) FROM document d WHERE d.id > CAST(:after AS uuid) ORDER BY d.id LIMIT :n")
                .setParameter("n", PAGE);
        if (after != null) {
            query.setParameter("after", after.toString());
        }
        return ((List<String>) query.getResultList()).stream().map(UUID::fromString).toList();
    }

    /** The document, unless it went away (deleted or hidden) since its id was read. */
    private Optional<DocumentView> visible(UUID id) {
        try {
            return Optional.of(documents.get(id, EnumSet.allOf(Embed.class)));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private TeiWriter.Lookups lookups(Map<UUID, Optional<AgentView>> agentCache,
            Map<UUID, Optional<PlaceView>> placeCache) {
        Function<UUID, Optional<AgentView>> agent = id -> agentCache.computeIfAbsent(id, k -> {
            try {
                return Optional.of(agents.get(k));
            } catch (ProblemException e) {
                return Optional.empty(); // deleted, or unknown: named without a link
            }
        });
        Function<UUID, Optional<PlaceView>> place = id -> placeCache.computeIfAbsent(id, k -> {
            try {
                return Optional.of(places.get(k));
            } catch (ProblemException e) {
                return Optional.empty();
            }
        });
        return new TeiWriter.Lookups(agent, place);
    }

    private static <V> Map<UUID, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static List<UUID> agentsOf(DocumentView d) {
        List<UUID> ids = new ArrayList<>();
        d.credits().forEach(c -> ids.add(c.agentId()));
        list(d.participants()).stream().map(ParticipantView::agentId).forEach(ids::add);
        for (AnnotationView a : list(d.annotations())) {
            if (a.mention() != null) {
                ids.add(a.mention().agentId());
            }
            if (a.marginalia() != null && a.marginalia().hand() != null) {
                ids.add(a.marginalia().hand().agentId());
            }
        }
        return ids.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    private static List<UUID> placesOf(DocumentView d) {
        List<UUID> ids = new ArrayList<>();
        ids.add(d.placeOfOriginId());
        list(d.participants()).stream().map(ParticipantView::placeId).forEach(ids::add);
        list(d.annotations()).stream().filter(a -> a.mention() != null).map(a -> a.mention().placeId())
                .forEach(ids::add);
        return ids.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
