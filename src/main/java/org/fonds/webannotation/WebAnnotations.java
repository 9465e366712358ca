package org.fonds.webannotation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.fonds.annotation.AnchorStatus;
import org.fonds.annotation.AnnotationView;
import org.fonds.annotation.Marginalia;
import org.fonds.annotation.Mention;
import org.fonds.annotation.PageBreak;
import org.fonds.annotation.TargetView;
import org.fonds.document.Credit;
import org.fonds.document.DocumentView;
import org.fonds.text.TextView;

/**
 * Maps Fonds annotations to the W3C Web Annotation Data Model (JSON-LD, anno.jsonld context). Targets are a
 * SpecificResource on the text's URL with a TextQuoteSelector and a TextPositionSelector whose offsets count Unicode
 * code points (Fonds counts UTF-16 units). Motivations: notes {@code commenting}; marginalia {@code commenting}
 * (circling and underlining {@code highlighting}) with a {@code describing} body for hand and position; supplied words
 * {@code editing}; mentions {@code identifying} with the agent's or place's URL as body (an inline variant adds an
 * {@code editing} body and motivation); foreign terms and gaps {@code describing}; uncertain readings {@code editing}
 * (the reading proposed for the words). The creator is the translator of the target's text (translator's notes), the
 * document's credited editor (editor's notes) or the hand (marginalia), where known.
 */
final class WebAnnotations {

    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    /** The media type of the protocol, with the profile of the annotation context. */
    static final String MEDIA_TYPE = "application/ld+json; profile=\"" + CONTEXT + "\"";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String base;
    private final DocumentView document;
    private final Map<UUID, TextView> texts;

    /**
     * @param base the API's base URL, ending in "/"
     * @param document the document with its texts embedded
     */
    WebAnnotations(String base, DocumentView document) {
        this.base = base;
        this.document = document;
        this.texts = new java.util.HashMap<>();
        if (document.texts() != null) {
            document.texts().forEach(t -> texts.put(t.id(), t));
        }
    }

    static String annotationUrl(String base, UUID id) {
        return base + "web-annotations/" + id;
    }

    static String collectionUrl(String base, UUID documentId) {
        return base + "documents/" + documentId + "/web-annotations";
    }

    /** An annotation as a top-level JSON-LD document (with its @context). */
    ObjectNode document(AnnotationView a) {
        ObjectNode node = JSON.objectNode();
        node.put("@context", CONTEXT);
        node.setAll(annotation(a));
        return node;
    }

    /** An annotation as an item of a page (the page carries the @context). */
    ObjectNode annotation(AnnotationView a) {
        ObjectNode node = JSON.objectNode();
        node.put("id", annotationUrl(base, a.id()));
        node.put("type", "Annotation");
        List<String> motivations = new ArrayList<>();
        ArrayNode bodies = JSON.arrayNode();
        String language = language(a);
        switch (a.type()) {
            case TRANSLATOR_NOTE, EDITOR_NOTE, FOOTNOTE -> {
                motivations.add("commenting");
                ObjectNode body = textualBody(a.noteText(), language, "commenting");
                if (a.footnote() != null) {
                    body.put("id", annotationUrl(base, a.id()) + "#footnote-" + a.footnote().marker());
                    // a body with an id and no source is an External Web Resource to the W3C suite
                    // (bodyEWRNoPurpose), which may not carry a purpose: the motivation says it
                    body.remove("purpose");
                }
                bodies.add(body);
            }
            case MARGINALIA -> marginalia(a.marginalia(), a.targets(), motivations, bodies);
            case FOREIGN_TERM -> {
                motivations.add("describing");
                bodies.add(textualBody(a.foreignTerm().term(), a.foreignTerm().language(), "describing"));
                if (a.foreignTerm().scriptForm() != null) {
                    bodies.add(textualBody(a.foreignTerm().scriptForm(),
                            primaryLanguage(a.foreignTerm().language()), "describing"));
                }
            }
            case UNCERTAIN_READING -> {
                motivations.add("editing");
                bodies.add(textualBody(a.uncertainReading().reading(), language, "editing"));
                if (a.uncertainReading().alternatives() != null) {
                    a.uncertainReading().alternatives().forEach(alt -> bodies.add(textualBody(alt, language,
                            "editing")));
                }
                bodies.add(textualBody("Uncertain reading" + (a.uncertainReading().certainty() == null ? ""
                        : ", certainty " + lower(a.uncertainReading().certainty())) + ".", "en", "describing"));
            }
            case GAP -> {
                motivations.add("describing");
                String extent = a.gap().extent() == null ? "Words"
                        : a.gap().extent().quantity() + " " + unit(a.gap().extent().quantity(),
                                a.gap().extent().unit().name());
                bodies.add(textualBody(extent + " missing: " + lower(a.gap().reason()) + ".", "en", "describing"));
            }
            case SUPPLIED -> {
                motivations.add("editing");
                bodies.add(textualBody("Supplied by the translator or editor"
                        + (a.supplied().reason() == null ? "" : ": " + a.supplied().reason()) + ".", "en", "editing"));
            }
            case MENTION -> mention(a.mention(), language, motivations, bodies);
            case PAGE_BREAK -> {
                motivations.add("describing");
                PageBreak p = a.pageBreak();
                bodies.add(textualBody("Page " + p.n() + (p.edition() == null ? " of the original"
                        : " of " + (p.editionTitle() != null ? p.editionTitle() : p.edition()))
                        + " starts here.", "en", "describing"));
            }
        }
        node.set("motivation", motivations.size() == 1 ? JSON.textNode(motivations.get(0)) : strings(motivations));
        ObjectNode creator = creator(a);
        if (creator != null) {
            node.set("creator", creator);
        }
        node.put("created", timestamp(a.createdAt()));
        node.put("modified", timestamp(a.updatedAt()));
        if (!bodies.isEmpty()) {
            node.set("body", bodies.size() == 1 ? bodies.get(0) : bodies);
        }
        ArrayNode targets = JSON.arrayNode();
        a.targets().forEach(t -> targets.add(target(t)));
        node.set("target", targets.size() == 1 ? targets.get(0) : targets);
        return node;
    }

    private void marginalia(Marginalia m, List<TargetView> targets, List<String> motivations, ArrayNode bodies) {
        boolean mark = m.kind() == Marginalia.Kind.CIRCLING || m.kind() == Marginalia.Kind.UNDERLINING;
        motivations.add(mark ? "highlighting" : "commenting");
        if (m.transcription() != null) {
            bodies.add(textualBody(m.transcription().text(), null, "commenting"));
        }
        List<String> about = new ArrayList<>();
        about.add(sentence(lower(m.kind())));
        if (m.hand() != null) {
            String hand = m.hand().description() != null ? m.hand().description()
                    : m.hand().agentId() != null ? "a known hand" : "an unidentified hand";
            about.add("Hand: " + hand + (m.hand().certainty() == null ? ""
                    : " (attribution " + lower(m.hand().certainty()) + ")"));
        }
        if (m.position() != null) {
            about.add("Position: " + position(m.position()));
        }
        targets.stream().filter(t -> t.lineStart() != null).findFirst().ifPresent(t -> about.add("Lines: "
                + t.lineStart() + (t.lineEnd() == null || t.lineEnd().equals(t.lineStart()) ? "" : "-" + t.lineEnd())
                + (t.page() == null ? "" : " of page " + t.page())));
        if (m.connector() != null && m.connector() != Marginalia.Connector.NONE) {
            about.add("A " + lower(m.connector()) + " drawn to the text");
        }
        if (m.medium() != null) {
            about.add("Medium: " + m.medium());
        }
        if (m.transcription() != null) {
            String words = m.transcription().text();
            if (m.transcription().uncertain() != null) {
                m.transcription().uncertain().forEach(u -> about.add("Uncertain reading: " + u.reading() + " (\u201c"
                        + words.substring(u.start(), Math.min(u.end(), words.length())) + "\u201d"
                        + (u.certainty() == null ? "" : ", certainty " + lower(u.certainty())) + ")"));
            }
            if (m.transcription().gaps() != null) {
                m.transcription().gaps().forEach(g -> about.add((g.extent() == null ? "Words"
                        : g.extent().quantity() + " " + unit(g.extent().quantity(), g.extent().unit().name()))
                        + " missing after character " + g.after() + ": " + lower(g.reason())));
            }
        }
        if (m.legibility() != null) {
            about.add(sentence(lower(m.legibility())));
        }
        if (m.offPage()) {
            about.add("Partly off the reproduced page");
        }
        bodies.add(textualBody(String.join(". ", about) + ".", "en", "describing"));
    }

    private void mention(Mention m, String language, List<String> motivations, ArrayNode bodies) {
        motivations.add("identifying");
        ObjectNode body = JSON.objectNode();
        if (m.agentId() != null) {
            body.put("id", base + "agents/" + m.agentId());
        } else if (m.placeId() != null) {
            body.put("id", base + "places/" + m.placeId());
        } else {
            body = textualBody(m.date(), null, "identifying");
            body.put("format", "text/plain");
        }
        // an external web resource takes no purpose (the W3C suite's bodyEWRNoPurpose): the motivation says it
        bodies.add(body);
        if (m.variantWrittenInline() != null) {
            motivations.add("editing");
            bodies.add(textualBody(m.variantWrittenInline(), language, "editing"));
        }
    }

    /** JSON Pointer (RFC 6901), which a FragmentSelector into the document's JSON representation conforms to. */
    static final String JSON_POINTER = "http://tools.ietf.org/rfc/rfc6901";

    /**
     * A target on a part of the document: the signatory's participant resource for a signature that names one, else
     * the document's JSON representation with a FragmentSelector, a JSON Pointer to the field that holds the part
     * (the heading is the title, the dateline the date, the source line the source citation, a signature the
     * participants).
     */
    private ObjectNode partTarget(TargetView t) {
        ObjectNode target = JSON.objectNode();
        target.put("type", "SpecificResource");
        String document = base + "documents/" + this.document.id();
        if (t.participantId() != null) {
            target.put("source", document + "/participants/" + t.participantId());
            return target;
        }
        target.put("source", document);
        ObjectNode selector = target.putObject("selector");
        selector.put("type", "FragmentSelector");
        selector.put("conformsTo", JSON_POINTER);
        selector.put("value", switch (t.part()) {
            case HEADING -> "/title";
            case DATELINE -> "/date";
            case SOURCE -> "/source";
            case SIGNATURE -> "/participants";
        });
        return target;
    }

    private ObjectNode target(TargetView t) {
        if (t.part() != null) {
            return partTarget(t);
        }
        ObjectNode target = JSON.objectNode();
        target.put("type", "SpecificResource");
        target.put("source", base + "documents/" + document.id() + "/texts/" + t.textId());
        ArrayNode selectors = JSON.arrayNode();
        ObjectNode quote = selectors.addObject();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", t.exact());
        if (!t.prefix().isEmpty()) {
            quote.put("prefix", t.prefix());
        }
        if (!t.suffix().isEmpty()) {
            quote.put("suffix", t.suffix());
        }
        TextView text = texts.get(t.textId());
        // an ORPHANED target's offsets are those of content that is gone: only its quote is given
        if (text != null && t.status() != AnchorStatus.ORPHANED && t.end() <= text.content().length()) {
            ObjectNode position = selectors.addObject();
            position.put("type", "TextPositionSelector");
            position.put("start", codePoints(text.content(), t.start()));
            position.put("end", codePoints(text.content(), t.end()));
        }
        target.set("selector", selectors.size() == 1 ? selectors.get(0) : selectors);
        return target;
    }

    /** The number of code points before UTF-16 offset {@code offset} of {@code content}. */
    static int codePoints(String content, int offset) {
        return content.codePointCount(0, offset);
    }

    private ObjectNode creator(AnnotationView a) {
        switch (a.type()) {
            case TRANSLATOR_NOTE -> {
                TextView text = a.targets().isEmpty() ? null : texts.get(a.targets().get(0).textId());
                if (text != null && (text.translatorName() != null || text.translatorAgentId() != null)) {
                    return agent(text.translatorAgentId(), text.translatorName());
                }
                return credited(Credit.Role.TRANSLATOR);
            }
            case EDITOR_NOTE -> {
                return credited(Credit.Role.EDITOR);
            }
            case MARGINALIA -> {
                Marginalia.Hand hand = a.marginalia().hand();
                if (hand != null && (hand.agentId() != null || hand.description() != null)) {
                    return agent(hand.agentId(), hand.description());
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private ObjectNode credited(Credit.Role role) {
        return document.credits().stream().filter(c -> c.role() == role).findFirst()
                .map(c -> agent(c.agentId(), c.name())).orElse(null);
    }

    private ObjectNode agent(UUID agentId, String name) {
        ObjectNode agent = JSON.objectNode();
        if (agentId != null) {
            agent.put("id", base + "agents/" + agentId);
        }
        agent.put("type", "Person");
        if (name != null) {
            agent.put("name", name);
        }
        return agent;
    }

    private String language(AnnotationView a) {
        return a.targets().stream().map(t -> texts.get(t.textId())).filter(java.util.Objects::nonNull)
                .map(TextView::language).findFirst().orElse(null);
    }

    private static ObjectNode textualBody(String value, String language, String purpose) {
        ObjectNode body = JSON.objectNode();
        body.put("type", "TextualBody");
        body.put("value", value);
        body.put("format", "text/plain");
        if (language != null) {
            body.put("language", language);
        }
        body.put("purpose", purpose);
        return body;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static String timestamp(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replace("+00:00", "Z");
    }

    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String sentence(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String unit(int quantity, String unit) {
        String u = lower(unit);
        return quantity == 1 && u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
    }

    private static String position(Enum<?> margin) {
        return switch (margin.name()) {
            case "LEFT", "RIGHT", "TOP", "BOTTOM" -> lower(margin) + " margin";
            default -> lower(margin);
        };
    }
}
