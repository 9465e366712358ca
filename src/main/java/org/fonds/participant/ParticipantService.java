package org.fonds.participant;

import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.db.Where;
import org.fonds.edtf.DateRange;
import org.fonds.resource.DocumentPartService;
import org.fonds.resource.References;
import org.fonds.http.Page;

@ApplicationScoped
public class ParticipantService extends DocumentPartService<Participant, ParticipantInput, ParticipantView> {

    private final ParticipantRepository participants;

    public ParticipantService(ParticipantRepository participants) {
        super(ResourceType.PARTICIPANT, ParticipantInput.class, participants, Participant::new, ParticipantView::of);
        this.participants = participants;
    }

    /** In document order (position, then id), filtered by role when given. */
    public Page<ParticipantView> list(UUID documentId, ParticipantRole role, String cursor, int limit) {
        access.requireVisible(documentId);
        String scope = "participants|" + documentId + "|" + role;
        Where where = new Where().and("p.documentId = :document", "document", documentId).and("p.role = :role", "role",
                role);
        Map<String, Object> after = cursors.after(scope, cursor, key -> Map.of("position",
                Integer.parseInt(key.get(0)), "after", UUID.fromString(key.get(1))));
        if (after != null) {
            where.and("(p.position > :position or (p.position = :position and p.id > :after))", after);
        }
        List<Participant> rows = participants.find("from Participant p" + where.clause() + " order by p.position, p.id",
                where.parameters()).page(0, limit + 1).list();
        return cursors.pageByKey(scope, rows, limit, p -> List.of(Integer.toString(p.position), p.id.toString()),
                ParticipantView::of);
    }

    @Override
    protected void apply(Participant p, ParticipantInput input) {
        checkSupplied(input);
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
        p.supplied = Boolean.TRUE.equals(input.supplied());
    }

    /** Only a signature can be supplied by the editors. */
    private static void checkSupplied(ParticipantInput input) {
        if (Boolean.TRUE.equals(input.supplied()) && input.role() != ParticipantRole.SIGNATORY) {
            throw org.fonds.http.ProblemException.invalidField("supplied", "only a SIGNATORY's signature can be "
                    + "supplied by the editors; this participant is a " + input.role());
        }
    }

    /** Representation 2 added {@code supplied} (V18); a state stored before it was not supplied. */
    @Override
    public int representation() {
        return 2;
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode upgrade(int from, com.fasterxml.jackson.databind.JsonNode state) {
        if (from != 1) {
            return super.upgrade(from, state);
        }
        com.fasterxml.jackson.databind.node.ObjectNode upgraded = state.deepCopy();
        upgraded.put("supplied", false);
        return upgraded;
    }
}
