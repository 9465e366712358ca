package org.fonds.transcript;

import org.fonds.agent.AgentMatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.fonds.bulk.ImportFormat;
import org.fonds.bulk.ImportUnits;
import org.fonds.sample.BodyWriters;
import org.fonds.transcript.Proposal.ProposedAgent;

/**
 * A plain-text transcript in the bracket conventions of published translations ({@code text/plain}), read by
 * {@link TranscriptParser} into one proposed document: one file, one document (a transcript has no convention that
 * says where a document ends; several documents come as several files, or as NDJSON).
 *
 * <p>The unit's report is the dry run's view: the proposed document (its entry in the sample archive's shape), every
 * mark with its span, confidence and what it became, every bracket left unclassified, the headers and participants,
 * and for each agent whether an existing one will be used (found by one of its names) or a new one created. Writing
 * creates the agents not found, then the document through {@link BodyWriters}, as the sample archive does.
 */
@ApplicationScoped
public class TranscriptFormat implements ImportFormat {

    public static final String MEDIA_TYPE = "text/plain";

    private final ObjectMapper json;
    private final BodyWriters writers;
    private final AgentMatcher matcher;

    TranscriptFormat(ObjectMapper json, BodyWriters writers, AgentMatcher matcher) {
        this.json = json;
        this.writers = writers;
        this.matcher = matcher;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String name() {
        return "TRANSCRIPT";
    }

    @Override
    public void read(InputStream file, ImportUnits units) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            units.problem(1, "The transcript is not UTF-8 text.");
            return;
        }
        Proposal proposal = TranscriptParser.parse(text);
        if (proposal.content().isBlank()) {
            units.problem(1, "The transcript has no text besides its headers.");
            return;
        }
        long line = proposal.headers().isEmpty() ? 1 : proposal.headers().get(0).span().line();
        units.unit(line, proposal.sourceId(), report(proposal), () -> write(proposal));
    }

    /** What the dry run shows: everything the parser found, and what writing would do with the agents. */
    public ObjectNode report(Proposal proposal) {
        ObjectNode report = json.createObjectNode();
        report.put("format", name());
        report.put("source_id", proposal.sourceId());
        report.put("marks_found", proposal.marks().size());
        report.put("unclassified_count", proposal.unclassified().size());
        report.set("marks", json.valueToTree(proposal.marks()));
        report.set("unclassified", json.valueToTree(proposal.unclassified()));
        report.set("headers", json.valueToTree(proposal.headers()));
        report.set("participants", json.valueToTree(proposal.participants()));
        ArrayNode agents = report.putArray("agents");
        for (ProposedAgent agent : proposal.agents()) {
            ObjectNode a = json.valueToTree(agent);
            Optional<UUID> found = matcher.find(agent.name(), agent.variant(), agent.type());
            a.put("action", found.isPresent() ? "USE_EXISTING" : "CREATE");
            found.ifPresent(id -> a.put("agent_id", id.toString()));
            agents.add(a);
        }
        report.set("document", proposal.entry());
        return report;
    }

    /** Writes the proposed document, in the caller's transaction; answers its path. */
    public String write(Proposal proposal) {
        BodyWriters.Keys keys = writers.keys();
        for (ProposedAgent agent : proposal.agents()) {
            keys.put(agent.key(), matcher.find(agent.name(), agent.variant(), agent.type()).orElseGet(() -> writers.agent(newAgent(agent))));
        }
        return "/documents/" + keys.document(proposal.entry());
    }

    private JsonNode newAgent(ProposedAgent agent) {
        ObjectNode body = json.createObjectNode().put("type", agent.type());
        ArrayNode names = body.putArray("names");
        names.addObject().put("value", agent.name()).put("language", "en").put("preferred", true);
        if (agent.variant() != null) {
            names.addObject().put("value", agent.variant()).put("language", "en");
        }
        body.put("note", "Created by the import of a bracketed transcript, from the name as written.");
        return body;
    }
}
