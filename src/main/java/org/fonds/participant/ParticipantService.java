package org.fonds.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.fonds.date.DateRange;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.References;

import static org.fonds.shared.ProblemException.requireBody;

@ApplicationScoped
public class ParticipantService {

    private final ParticipantRepository participants;
    private final References references;
    private final CursorCodec cursors;

    public ParticipantService(ParticipantRepository participants, References references, CursorCodec cursors) {
        this.participants = participants;
        this.references = references;
        this.cursors = cursors;
    }

    @Transactional
    public ParticipantView create(UUID documentId, @Valid ParticipantInput input) {
        requireBody(input);
        references.requireFound(References.Table.DOCUMENT, documentId);
        Participant p = new Participant();
        p.documentId = documentId;
        apply(p, input);
        participants.persist(p);
        participants.flush();
        return ParticipantView.of(p);
    }

    public ParticipantView get(UUID documentId, UUID id) {
        return ParticipantView.of(find(documentId, id));
    }

    /** In document order (position, then id), filtered by role when given. */
    public Page<ParticipantView> list(UUID documentId, ParticipantRole role, String cursor, int limit) {
        references.requireFound(References.Table.DOCUMENT, documentId);
        String scope = "participants|" + documentId + "|" + role;
        StringBuilder query = new StringBuilder("documentId = :document");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("document", documentId);
        if (role != null) {
            query.append(" and role = :role");
            params.and("role", role);
        }
        if (cursor != null) {
            List<String> key = cursors.decode(scope, cursor);
            query.append(" and (position > :position or (position = :position and id > :after))");
            params.and("position", Integer.parseInt(key.get(0))).and("after", UUID.fromString(key.get(1)));
        }
        List<Participant> rows = participants.find(query.append(" order by position, id").toString(), params)
                .page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, p -> List.of(Integer.toString(p.position), p.id.toString()),
                ParticipantView::of);
    }

    public List<ParticipantView> ofDocuments(List<UUID> documentIds) {
        return participants.ofDocuments(documentIds).stream().map(ParticipantView::of).toList();
    }

    @Transactional
    public ParticipantView replace(UUID documentId, UUID id, String ifMatch, @Valid ParticipantInput input) {
        requireBody(input);
        Participant p = find(documentId, id);
        ETags.checkIfMatch(ifMatch, p.version);
        apply(p, input);
        participants.flush();
        return ParticipantView.of(p);
    }

    @Transactional
    public void delete(UUID documentId, UUID id, String ifMatch) {
        Participant p = find(documentId, id);
        ETags.checkIfMatch(ifMatch, p.version);
        participants.delete(p);
    }

    private Participant find(UUID documentId, UUID id) {
        Participant p = participants.findById(id);
        if (p == null || !p.documentId.equals(documentId)) {
            throw ProblemException.notFound("participant of document " + documentId, id);
        }
        return p;
    }

    private void apply(Participant p, ParticipantInput input) {
        references.require(References.Table.AGENT, "agent_id", input.agentId());
        references.require(References.Table.PLACE, "place_id", input.placeId());
        p.agentId = input.agentId();
        p.role = input.role();
        p.position = input.position() != null ? input.position()
                : p.id != null ? p.position : participants.nextPosition(p.documentId);
        p.nameAsWritten = input.nameAsWritten();
        p.office = input.office();
        p.copyNumber = input.copyNumber();
        p.placeId = input.placeId();
        p.dateEdtf = input.date();
        DateRange range = DateRange.of(input.date());
        p.dateEarliest = range == null ? null : range.earliest();
        p.dateLatest = range == null ? null : range.latest();
    }
}
