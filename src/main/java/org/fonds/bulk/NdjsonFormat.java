package org.fonds.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.fonds.agent.AgentView;
import org.fonds.bulk.ExportLine.LineType;
import org.fonds.collection.CollectionView;
import org.fonds.document.DocumentView;
import org.fonds.link.LinkView;
import org.fonds.place.PlaceView;
import org.fonds.subject.SubjectView;

/**
 * Fonds' own NDJSON ({@link ExportLine}, what GET /exports/ndjson writes) as an import: each line one unit, whose
 * source identifier is its type and id ({@code DOCUMENT:0193…}), written as it was exported ({@link ArchiveRows}).
 * A document's links to other documents are units of their own ({@code LINK:id}), written after the last line, so
 * that a link to a document later in the file (or in a later file) does not fail: they wait in a temporary file, not
 * in memory. A line that is not JSON, not a known type, or has a field Fonds does not know (a newer export: it would
 * be lost) is a problem of its line; a value the database refuses is one of its unit.
 */
@ApplicationScoped
public class NdjsonFormat implements ImportFormat {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    /** The types of line that hold a resource, by name. */
    private static final Map<String, LineType> RESOURCES = java.util.Arrays.stream(LineType.values())
            .filter(t -> t != LineType.END).collect(java.util.stream.Collectors.toMap(LineType::name, t -> t));

    private final ObjectMapper json;
    private final ArchiveRows rows;
    private final ImportFiles files;

    public NdjsonFormat(ObjectMapper json, ArchiveRows rows, ImportFiles files) {
        // strict: a field this version does not know would be dropped silently
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.rows = rows;
        this.files = files;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String name() {
        return "NDJSON";
    }

    /** A unit writes its own rows (ArchiveRows keeps what it gathers per thread). */
    @Override
    public boolean concurrentWrites() {
        return true;
    }

    @Override
    public void read(InputStream file, ImportUnits units) throws IOException {
        Path deferred = files.newFile("links", ".ndjson");
        try {
            try (InputStream in = file;
                    BufferedWriter links = Files.newBufferedWriter(deferred, StandardCharsets.UTF_8)) {
                Lines lines = new Lines(in);
                Reading reading = new Reading(links);
                long number = 0;
                while (lines.advance()) {
                    number++;
                    Object view = direct(lines);
                    if (view != null) {
                        unit(number, view, units, reading);
                        continue;
                    }
                    String text = lines.text(number, units);
                    if (text == null) {
                        break; // not UTF-8: its problem is reported, and the rest of the file is not read
                    }
                    if (!text.isBlank()) {
                        line(number, text, units, reading);
                    }
                }
            }
            units.barrier(); // links point to documents of other batches
            try (BufferedReader links = Files.newBufferedReader(deferred, StandardCharsets.UTF_8)) {
                String text;
                while ((text = links.readLine()) != null) {
                    int tab = text.indexOf('\t');
                    long number = Long.parseLong(text.substring(0, tab));
                    LinkView link = json.readValue(text.substring(tab + 1), LinkView.class);
                    units.unit(number, "LINK:" + link.id(), null, () -> rows.link(link));
                }
            }
        } finally {
            Files.deleteIfExists(deferred);
        }
    }

    /** The view's id; a view without one is not valid. */
    private static java.util.UUID id(Object view) {
        java.util.UUID id = view instanceof AgentView v ? v.id() : view instanceof PlaceView v ? v.id()
                : view instanceof SubjectView v ? v.id() : view instanceof CollectionView v ? v.id()
                : ((DocumentView) view).id();
        if (id == null) {
            throw new IllegalArgumentException("it has no `id`");
        }
        return id;
    }

    /** The view a line of this type holds. */
    private static Class<?> view(LineType type) {
        return switch (type) {
            case AGENT -> AgentView.class;
            case PLACE -> PlaceView.class;
            case SUBJECT -> SubjectView.class;
            case COLLECTION -> CollectionView.class;
            case DOCUMENT -> DocumentView.class;
            case END -> throw new IllegalArgumentException("An END line holds no resource");
        };
    }

    /**
     * The file's lines: ended by {@code \n} (a {@code \r} before it is dropped), as the upload counted them. Read as
     * bytes, and parsed as bytes where they can be ({@link #direct(Lines)}: Jackson's UTF-8 parser, with no line
     * decoded into a {@code String} first, which took a third of the reading thread's time); the others are decoded a
     * line at a time by {@code String}'s own UTF-8 decoding, and a line with a replacement character is decoded again
     * strictly, to tell a real U+FFFD from bytes that are not UTF-8. Written here: the JDK splits lines only of
     * characters.
     */
    private static final class Lines {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int start;
        private int end;
        private boolean eof;
        /** The current line: {@code buffer[from, from + length)}. */
        private int from;
        private int length;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Moves to the next line; false at the end. */
        boolean advance() throws IOException {
            int scanned = start;
            while (true) {
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        current(start, i);
                        start = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (start == end) {
                        return false;
                    }
                    current(start, end);
                    start = end;
                    return true;
                }
                scanned = end - start;
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                } else if (end == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
        }

        private void current(int at, int to) {
            from = at;
            length = to > at && buffer[to - 1] == '\r' ? to - at - 1 : to - at;
        }

        /**
         * Whether the line is well-formed UTF-8: Guava's check, as strict as the JDK's decoder (overlong forms,
         * surrogates and code points past U+10FFFF are refused), which Jackson's byte parser is not.
         */
        boolean wellFormed() {
            return com.google.common.base.Utf8.isWellFormed(buffer, from, length);
        }

        /** The line as text; at a line that is not UTF-8, its problem, null, and the end of the reading. */
        String text(long number, ImportUnits units) {
            String line = new String(buffer, from, length, StandardCharsets.UTF_8);
            if (line.indexOf('\uFFFD') >= 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(buffer, from, length));
                } catch (java.nio.charset.CharacterCodingException e) {
                    units.problem(number, "The file is not UTF-8 from this line on.");
                    eof = true;
                    start = end;
                    return null;
                }
            }
            return line;
        }
    }

    /** A line that {@link #direct(Lines)} could not read, read through a tree that says what is wrong with it. */
    private void line(long number, String text, ImportUnits units, Reading reading) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            units.problem(number, "The line is not JSON: " + e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            units.problem(number, "The line is not a JSON object.");
            return;
        }
        LineType type;
        try {
            type = LineType.valueOf(node.path("type").asText());
        } catch (IllegalArgumentException e) {
            units.problem(number, "The line's `type` is not one of AGENT, PLACE, SUBJECT, COLLECTION, DOCUMENT, END.");
            return;
        }
        if (type == LineType.END) {
            if (!node.path("lines").canConvertToLong() || node.size() != 2) {
                units.problem(number, "The END line has `type` and `lines` (a number) only.");
            }
            return; // the export's last line: nothing to write
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            String field = fields.next().getKey();
            if (!field.equals("type") && !field.equals(type.key())) {
                units.problem(number, "The line has the field `" + field + "`; a line of type " + type
                        + " has `type` and `" + type.key() + "` only.");
                return;
            }
        }
        JsonNode resource = node.get(type.key());
        if (resource == null || !resource.isObject()) {
            units.problem(number, "A line of type " + type + " has its resource as the object `" + type.key() + "`.");
            return;
        }
        Object view;
        try {
            if (type == LineType.DOCUMENT) {
                olderExport((com.fasterxml.jackson.databind.node.ObjectNode) resource);
            }
            view = json.treeToValue(resource, view(type));
            id(view);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            units.problem(number, "The " + type.key() + " is not valid: " + message);
            return;
        }
        unit(number, view, units, reading);
    }

    /**
     * The line read in one pass, straight into its view, when it is as an export writes it: {@code type} first, then
     * the resource under its key, and nothing else. Null for anything else (another order, an older export's missing
     * field, a mistake): {@link #line} reads it again through a tree, which says what is wrong or mends what is old.
     * Half the reading thread's work, for the lines of Fonds' own export. Only a line of well-formed UTF-8 that begins
     * with <code>{</code> and a byte other than NUL is read so: Jackson guesses a byte source's encoding from its first
     * bytes, and must not take a line for UTF-16 or UTF-32.
     */
    private Object direct(Lines line) {
        if (line.length < 2 || line.buffer[line.from] != '{' || line.buffer[line.from + 1] == 0
                || !line.wellFormed()) {
            return null;
        }
        try (JsonParser parser = json.createParser(line.buffer, line.from, line.length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !"type".equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            LineType type = RESOURCES.get(parser.getText());
            if (type == null || !type.key().equals(parser.nextFieldName())
                    || parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Object view = json.readValue(parser, view(type));
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            id(view); // throws for a view without one
            return view;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the reading of one file keeps: where its links wait, and whether its documents have begun. */
    private static final class Reading {
        final BufferedWriter links;
        boolean documents;

        Reading(BufferedWriter links) {
            this.links = links;
        }
    }

    /** The unit that writes the view (a document's links to other documents wait in the reading's links). */
    private void unit(long number, Object view, ImportUnits units, Reading reading) throws IOException {
        if (view instanceof AgentView v) {
            units.unit(number, "AGENT:" + v.id(), null, () -> rows.agent(v));
        } else if (view instanceof PlaceView v) {
            units.unit(number, "PLACE:" + v.id(), null, () -> rows.place(v));
        } else if (view instanceof SubjectView v) {
            units.unit(number, "SUBJECT:" + v.id(), null, () -> rows.subject(v));
        } else if (view instanceof CollectionView v) {
            units.unit(number, "COLLECTION:" + v.id(), null, () -> rows.collection(v));
        } else {
            DocumentView v = (DocumentView) view;
            if (!reading.documents) {
                reading.documents = true;
                units.barrier(); // documents refer to the agents, places, subjects and collections before them
            }
            units.unit(number, "DOCUMENT:" + v.id(), null, () -> rows.document(v, false));
            if (v.links() != null) {
                for (LinkView link : v.links()) {
                    if (link.targetDocumentId() != null) {
                        reading.links.write(number + "\t" + json.writeValueAsString(link));
                        reading.links.newLine();
                    }
                }
            }
        }
    }

    /**
     * A line of an export made before a field existed reads with that field's default: a participant's
     * {@code supplied} (V18) is false when absent (every other field added since may be absent as null).
     */
    private static void olderExport(com.fasterxml.jackson.databind.node.ObjectNode document) {
        JsonNode participants = document.get("participants");
        if (participants != null && participants.isArray()) {
            for (JsonNode p : participants) {
                if (p.isObject() && !p.has("supplied")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("supplied", false);
                }
            }
        }
    }
}
