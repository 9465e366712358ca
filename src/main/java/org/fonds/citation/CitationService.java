package org.fonds.citation;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.fonds.agent.AgentService;
import org.fonds.agent.AgentType;
import org.fonds.agent.AgentView;
import org.fonds.document.Credit;
import org.fonds.document.DocumentService;
import org.fonds.document.DocumentView;
import org.fonds.document.Embed;
import org.fonds.http.ETags;
import org.fonds.http.ProblemException;
import org.fonds.name.NameVariant;
import org.fonds.participant.ParticipantRole;
import org.fonds.participant.ParticipantView;
import org.fonds.place.PlaceService;
import org.fonds.place.PlaceView;
import org.fonds.text.TextView;

/**
 * Reads what a citation of a document needs, through the documents', agents' and places' own services (and so their
 * views: a hidden document is 404 here too, a deleted one 410). Read-only; every format is computed on request.
 */
@ApplicationScoped
public class CitationService {

    /** Who a citation names as the author, in order of preference: the sender, else the author, else the signatory. */
    private static final List<ParticipantRole> AUTHORS = List.of(ParticipantRole.SENDER, ParticipantRole.AUTHOR,
            ParticipantRole.SIGNATORY);

    private final DocumentService documents;
    private final AgentService agents;
    private final PlaceService places;

    public CitationService(DocumentService documents, AgentService agents, PlaceService places) {
        this.documents = documents;
        this.agents = agents;
        this.places = places;
    }

    /** The document {@code id} as the citation formats read it; {@code base} is the API's base URL. */
    CitedDocument read(UUID id, URI base) {
        DocumentView d = documents.get(id, EnumSet.allOf(Embed.class));
        List<Object> versions = new ArrayList<>(List.of(d.etag().getValue()));
        List<ParticipantView> participants = d.participants().stream()
                .sorted(Comparator.comparingInt(ParticipantView::position)).toList();
        List<CitedName> authors = List.of();
        for (ParticipantRole role : AUTHORS) {
            authors = names(participants, role, versions);
            if (!authors.isEmpty()) {
                break;
            }
        }
        List<CitedName> recipients = names(participants, ParticipantRole.RECIPIENT, versions);
        List<CitedName> translators = credits(d, Credit.Role.TRANSLATOR, versions);
        if (translators.isEmpty()) {
            // no credit: the translators the translations name
            Set<String> seen = new LinkedHashSet<>();
            for (TextView t : d.texts()) {
                if (t.translatorName() != null && seen.add(t.translatorName().strip())) {
                    translators = append(translators, credit(t.translatorName(), t.translatorAgentId(), versions));
                }
            }
        }
        List<CitedName> editors = credits(d, Credit.Role.EDITOR, versions);
        CitedDocument.CitedPlace place = d.placeOfOriginId() == null ? null
                : visible(places::get, d.placeOfOriginId()).map(p -> {
                    versions.add(p.id() + ":" + p.version());
                    return new CitedDocument.CitedPlace(p.preferredName(), p.latitude(), p.longitude(),
                            base.resolve("places/" + p.id()));
                }).orElse(null);
        return new CitedDocument(d, authors, recipients, translators, editors, place, base,
                ETags.composite(d.version(), versions));
    }

    private List<CitedName> names(List<ParticipantView> participants, ParticipantRole role, List<Object> versions) {
        List<CitedName> names = new ArrayList<>();
        for (ParticipantView p : participants) {
            if (p.role() == role) {
                CitedName name = name(p.agentId(), p.nameAsWritten(), versions);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private List<CitedName> credits(DocumentView d, Credit.Role role, List<Object> versions) {
        List<CitedName> names = new ArrayList<>();
        for (Credit c : d.credits()) {
            CitedName name = c.role() == role ? credit(c.name(), c.agentId(), versions) : null;
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** A credited contributor: the agent's name when the credit names a visible agent, else the name as credited. */
    private CitedName credit(String name, UUID agentId, List<Object> versions) {
        if (agentId != null) {
            return name(agentId, name, versions);
        }
        return CitedName.person(name, List.of(), null);
    }

    /**
     * The agent's preferred name (split where its forms show how), or the name as written when the agent is deleted
     * (null when there is none).
     */
    private CitedName name(UUID agentId, String asWritten, List<Object> versions) {
        Optional<AgentView> agent = visible(agents::get, agentId);
        if (agent.isEmpty()) {
            return asWritten == null ? null : CitedName.literal(asWritten, null, true);
        }
        AgentView a = agent.get();
        versions.add(a.id() + ":" + a.version());
        if (a.type() != AgentType.PERSON) {
            return CitedName.literal(a.preferredName(), a.id(), false);
        }
        List<String> forms = new ArrayList<>(a.names().stream().map(NameVariant::value).toList());
        if (asWritten != null) {
            forms.add(asWritten);
        }
        return CitedName.person(a.preferredName(), forms, a.id());
    }

    /** What the caller may see of a referenced record: empty when it is deleted or hidden. */
    private static <V> Optional<V> visible(Function<UUID, V> read, UUID id) {
        try {
            return Optional.of(read.apply(id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private static List<CitedName> append(List<CitedName> names, CitedName name) {
        List<CitedName> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }
}
