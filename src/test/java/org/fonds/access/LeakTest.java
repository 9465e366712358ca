package org.fonds.access;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.etag;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Collections;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * The guard against leaks, driven by the committed spec: a visible document and its hidden twins (a draft, an
 * embargoed, a restricted and a deleted document, each with a text, a participant, links, media and annotations),
 * deleted parts of the visible document and deleted agents, places, subjects and collections, every hidden thing
 * carrying a marker word of its own; then EVERY GET operation of {@code openapi/openapi.yaml} is called as anonymous,
 * contributor and editor, its path parameters filled with visible and hidden ids and its query parameters with
 * values that select the hidden records. No response may show a caller what it may not see: no marker, no id, no
 * count (facets, date counts, the timeline) that includes what is hidden from it; a direct read of a hidden thing is
 * 404 (410 when only its deletion hides it). So that the test cannot pass by seeing nothing, every marker that a
 * caller may see must have been shown to it somewhere, and every operation must have answered 2xx at least once
 * (a new operation or filter that the filler below cannot call fails the test, naming what to add).
 *
 * <p>Every document here is dated {@link #DAY}, a day no other test uses, so date counts are exact.
 */
@QuarkusTest
class LeakTest {

    private static final String DAY = "1093-08-17";
    /** Only a deleted annotation mentions this day: its count is 0 for everyone. */
    private static final String DELETED_DAY = "1093-08-18";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final int PAGES = 3;

    /**
     * Operations that only an administrator may call; they hold no archive records, so the three callers get 401 or
     * 403 and they are exempt from the 2xx coverage (but their bodies are still checked).
     */
    private static final Set<String> ADMIN_ONLY = Set.of("listApiKeys", "getApiKey");
    /** Operations for editors (and administrators), who see everything. */
    private static final Set<String> EDITOR_ONLY = Set.of("getArchiveFixityCheck", "getImport");
    private String fixityCheck;
    private String importJob;

    /** An import started once here, of a file whose one line is refused: it writes nothing. */
    private String importJob() {
        if (importJob == null) {
            String location = Api.malformed().contentType("application/x-ndjson").body("not a line of the archive\n")
                    .post("/imports").then().statusCode(202).extract().header("Location");
            importJob = location.substring(location.lastIndexOf('/') + 1);
        }
        return importJob;
    }

    private String fixityCheck() {
        if (fixityCheck == null) {
            String location = api().post("/fixity-checks").then().statusCode(202).extract().header("Location");
            fixityCheck = location.substring(location.lastIndexOf('/') + 1);
        }
        return fixityCheck;
    }

    /** Who calls. ADMIN sees what EDITOR sees (Visibility), so EDITOR stands for both. */
    enum Caller {
        ANONYMOUS, CONTRIBUTOR, EDITOR;

        RequestSpecification request() {
            return switch (this) {
                case ANONYMOUS -> Api.anonymous();
                case CONTRIBUTOR -> Api.as(Role.CONTRIBUTOR);
                case EDITOR -> Api.as(Role.EDITOR);
            };
        }
    }

    /** Why a thing is hidden, if it is (access/Visibility.java and soft deletion). */
    enum Shade {
        PUBLIC, DRAFT, EMBARGOED, RESTRICTED, DELETED_DOCUMENT, DELETED_PART, DELETED_RECORD;

        /** Whether the caller could see it if it were not deleted. */
        boolean permits(Caller caller) {
            return switch (this) {
                case DRAFT -> caller != Caller.ANONYMOUS;
                case EMBARGOED, RESTRICTED -> caller == Caller.EDITOR;
                default -> true;
            };
        }

        boolean deleted() {
            return this == DELETED_DOCUMENT || this == DELETED_PART || this == DELETED_RECORD;
        }

        boolean seenBy(Caller caller) {
            return !deleted() && permits(caller);
        }
    }

    /** Something built for the test: its kind (the path parameter stem), id, document, shade, markers, last version (0 first). */
    record Thing(String kind, String id, String document, Shade shade, List<String> markers, int version) {
        @Override
        public String toString() {
            return shade + " " + kind + " " + id;
        }
    }

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final String common = "lk" + run + "common";
    private final String hiddenLanguage = "x-" + run + "lg";
    /** The identifier of the deleted agent. */
    private final String deletedIdentifier = "q" + Math.abs(run.hashCode()) + "77";
    private final List<Thing> things = new ArrayList<>();
    private int counter;

    private String visibleAgent;
    private String hiddenAgent;
    private String publicSubject;
    private String hiddenSubject;
    private String publicCollection;
    private String hiddenCollection;
    private String published;

    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<Caller, Set<String>> seen = new LinkedHashMap<>();
    private final Set<String> answered = new TreeSet<>();
    private final Map<String, Set<String>> filters = new LinkedHashMap<>();
    private final Set<String> filtersAnswered = new HashSet<>();
    /** Which exact count checks ran, and for whom, so that none of them silently stops running. */
    private final Set<String> counted = new TreeSet<>();
    private int requests;

    @Test
    void nobodySeesWhatTheyMayNotThroughAnyGetOperationOfTheSpec() throws IOException {
        build();
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Api.SPEC.toFile());
        List<String> unexercisable = new ArrayList<>();
        int operations = 0;
        for (var path : iterable(spec.path("paths").fields())) {
            JsonNode op = path.getValue().get("get");
            if (op == null) {
                continue;
            }
            operations++;
            String id = op.path("operationId").asText();
            List<JsonNode> parameters = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                parameters.add(resolve(spec, p));
            }
            try {
                exercise(spec, id, path.getKey(), parameters);
            } catch (Unfillable e) {
                unexercisable.add(id + " (" + path.getKey() + "): add a parameter value for " + e.getMessage());
            }
        }
        System.out.printf("LeakTest: %d GET operations, %d requests, %d things%n", operations, requests, things.size());
        assertTrue(operations > 40, "the spec has only " + operations + " GET operations");

        for (var e : filters.entrySet()) {
            for (String filter : e.getValue()) {
                if (!filtersAnswered.contains(e.getKey() + " " + filter)) {
                    unexercisable.add(e.getKey() + ": its filter " + filter + " never answered 2xx: add a parameter "
                            + "value for " + filter);
                }
            }
            if (!answered.contains(e.getKey()) && !ADMIN_ONLY.contains(e.getKey())) {
                unexercisable.add(e.getKey() + ": never answered 2xx to any caller: add a parameter value for it");
            }
        }
        // the test is not passing by seeing nothing: every caller was shown every marker it may see
        for (Caller caller : Caller.values()) {
            for (Thing t : things) {
                if (t.shade().seenBy(caller)) {
                    for (String marker : t.markers()) {
                        if (!seen.getOrDefault(caller, Set.of()).contains(marker)) {
                            failures.put("unseen " + caller + marker, caller + " was never shown " + marker + " of "
                                    + t + " (which it may see): the test does not reach it");
                        }
                    }
                }
            }
        }
        Set<String> expectedChecks = new TreeSet<>();
        for (Caller caller : Caller.values()) {
            for (String check : List.of("period", "totals", "documents of the day", "facets")) {
                expectedChecks.add(check + " " + caller);
            }
        }
        expectedChecks.removeAll(counted);
        for (String check : expectedChecks) {
            unexercisable.add("the " + check + " count check never ran: no response had the shape it checks");
        }
        List<String> problems = new ArrayList<>(unexercisable);
        problems.addAll(failures.values());
        if (!problems.isEmpty()) {
            Files.write(Path.of("target", "LeakTest-problems.txt"), problems);
            fail(problems.size() + " problems:\n" + problems.stream().limit(80).collect(Collectors.joining("\n")));
        }
    }

    // --- the archive ------------------------------------------------------------------------------------------------

    private String marker(String what) {
        return "lk" + run + what + (counter++);
    }

    private Thing add(String kind, String id, String document, Shade shade, int version, String... markers) {
        Thing t = new Thing(kind, id, document, shade, List.of(markers), version);
        things.add(t);
        return t;
    }

    private void build() {
        visibleAgent = Agents.person("Leak visible sender " + run).create();
        hiddenAgent = Agents.person("Leak hidden sender " + run).create();
        publicSubject = Subjects.labelled("Leak public subject " + run).create();
        hiddenSubject = Subjects.labelled("Leak subject of hidden documents " + run).create();
        publicCollection = Collections.titled("Leak public collection " + run).create();
        hiddenCollection = Collections.titled("Leak collection of hidden documents " + run).create();
        for (String agent : List.of(visibleAgent, hiddenAgent)) {
            add("agent", agent, null, Shade.PUBLIC, 0);
        }
        add("place", Places.named("Leak visible place " + run).create(), null, Shade.PUBLIC, 0);
        add("subject", publicSubject, null, Shade.PUBLIC, 0);
        add("subject", hiddenSubject, null, Shade.PUBLIC, 0);
        add("collection", publicCollection, null, Shade.PUBLIC, 0);
        add("collection", hiddenCollection, null, Shade.PUBLIC, 0);
        // the hidden documents' language is seen by whoever sees one of them: the draft is the least hidden
        add("language", null, null, Shade.DRAFT, 0, hiddenLanguage);

        published = document(Shade.PUBLIC, Map.of("visibility", "PUBLISHED"));
        document(Shade.PUBLIC, Map.of("visibility", "EMBARGOED",
                "embargo_until", LocalDate.now().minusDays(2).toString()));
        String draft = document(Shade.DRAFT, Map.of("visibility", "DRAFT"));
        String embargoed = document(Shade.EMBARGOED, Map.of("visibility", "EMBARGOED",
                "embargo_until", LocalDate.now().plusYears(10).toString()));
        String restricted = document(Shade.RESTRICTED, Map.of("visibility", "RESTRICTED"));
        String deleted = document(Shade.DELETED_DOCUMENT, Map.of("visibility", "PUBLISHED"));

        // links of the visible document: hidden when their target is
        Map<String, Shade> targets = new LinkedHashMap<>();
        targets.put(draft, Shade.DRAFT);
        targets.put(embargoed, Shade.EMBARGOED);
        targets.put(restricted, Shade.RESTRICTED);
        for (var target : targets.entrySet()) {
            link(published, target.getKey(), target.getValue());
        }
        // created before its target is deleted (a link to a deleted document cannot be made)
        link(published, deleted, Shade.DELETED_DOCUMENT);
        delete("/documents/{d}", deleted);
        reshade(deleted, Shade.DELETED_DOCUMENT, 1);

        deletedParts(published);
        deletedRecords();
    }

    /** A document dated DAY with a text, a participant, a link, a medium and three annotations, all marked. */
    private String document(Shade shade, Map<String, Object> visibility) {
        boolean hidden = shade != Shade.PUBLIC;
        String title = marker("title");
        String summary = marker("summary");
        String classification = marker("class");
        Documents d = Documents.of(hidden ? "DIARY" : "LETTER").title("The " + common + " letter " + title).date(DAY)
                .set("summary", "About " + summary)
                .set("classification", classification)
                // not the deleted one: its own history, which stays readable, would show the language
                .set("languages", hidden && !shade.deleted() ? List.of("ru", hiddenLanguage) : List.of("ru"))
                .set("subject_ids", List.of(hidden ? hiddenSubject : publicSubject))
                .set("collection_ids", List.of(hidden ? hiddenCollection : publicCollection));
        visibility.forEach(d::set);
        String id = d.create();
        add("document", id, id, shade, 0, title, summary, classification);

        String body = marker("body");
        String text = Texts.opening().section("Appendix", "The words " + body + " end it.").create(id);
        add("text", text, id, shade, 0, body);

        String asWritten = marker("aswritten");
        String participant = api().contentType(ContentType.JSON).body(Map.of("agent_id",
                hidden ? hiddenAgent : visibleAgent, "role", "SENDER", "name_as_written", asWritten))
                .post("/documents/{d}/participants", id).then().statusCode(201).extract().path("id");
        add("participant", participant, id, shade, 0, asWritten);

        String linkNote = marker("linknote");
        String link = api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "reference_as_written",
                "no. " + linkNote, "note", linkNote)).post("/documents/{d}/links", id).then().statusCode(201)
                .extract().path("id");
        add("link", link, id, shade, 0, linkNote);

        String caption = marker("caption");
        String media = api().contentType(ContentType.JSON).body(Map.of("url", "https://archive.example.org/"
                + caption + ".jpg", "media_type", "image/jpeg", "caption", caption))
                .post("/documents/{d}/media", id).then().statusCode(201).extract().path("id");
        add("media", media, id, shade, 0, caption);

        String note = marker("note");
        add("annotation", Annotations.translatorNote("A note on " + note).quote(text, "large subchaser").create(id),
                id, shade, 0, note);
        add("annotation", Annotations.of("MENTION").quote(text, "29 May").set("mention", Map.of("date", DAY))
                .create(id), id, shade, 0);
        String margin = marker("margin");
        add("annotation", Annotations.of("MARGINALIA").quote(text, "trawler")
                .set("marginalia", Map.of("kind", "COMMENT", "transcription", Map.of("text", margin)))
                .create(id), id, shade, 0, margin);
        return id;
    }

    private String link(String from, String to, Shade shade) {
        String note = marker("linkto");
        String link = api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "target_document_id", to,
                "note", note)).post("/documents/{d}/links", from).then().statusCode(201).extract().path("id");
        add("link", link, from, shade, 0, note);
        return link;
    }

    /** A deleted text, participant, link, medium and two annotations of the visible document. */
    private void deletedParts(String doc) {
        String body = marker("deletedbody");
        String text = Texts.empty().section(null, "Deleted words " + body + ".").create(doc);
        String participant = api().contentType(ContentType.JSON).body(Map.of("agent_id", visibleAgent, "role",
                "RECIPIENT", "name_as_written", marker("deletedaswritten")))
                .post("/documents/{d}/participants", doc).then().statusCode(201).extract().path("id");
        String link = api().contentType(ContentType.JSON).body(Map.of("type", "RELATED", "reference_as_written",
                "no. 2", "note", marker("deletedlinknote"))).post("/documents/{d}/links", doc).then().statusCode(201).extract()
                .path("id");
        String media = api().contentType(ContentType.JSON).body(Map.of("url", "https://archive.example.org/gone.jpg",
                "media_type", "image/jpeg", "caption", marker("deletedcaption")))
                .post("/documents/{d}/media", doc).then().statusCode(201).extract().path("id");
        String liveText = things.stream().filter(t -> t.kind().equals("text") && doc.equals(t.document()))
                .findFirst().orElseThrow().id();
        String note = marker("deletednote");
        String annotation = Annotations.translatorNote("Deleted note " + note).quote(liveText, "Kim Il Sung")
                .create(doc);
        String mention = Annotations.of("MENTION").quote(liveText, "Moscow").set("mention", Map.of("date",
                DELETED_DAY)).create(doc);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("/documents/" + doc + "/texts/" + text, "text " + text + " " + body);
        parts.put("/documents/" + doc + "/participants/" + participant, "participant " + participant);
        parts.put("/documents/" + doc + "/links/" + link, "link " + link);
        parts.put("/documents/" + doc + "/media/" + media, "media " + media);
        parts.put("/annotations/" + annotation, "annotation " + annotation + " " + note);
        parts.put("/annotations/" + mention, "annotation " + mention);
        for (var part : parts.entrySet()) {
            JsonNode before = json(api().get(part.getKey()));
            delete(part.getKey());
            String[] words = part.getValue().split(" ");
            List<String> markers = new ArrayList<>();
            for (String field : List.of("name_as_written", "note", "caption", "note_text")) {
                if (before.hasNonNull(field) && before.get(field).asText().startsWith("lk")) {
                    markers.add(before.get(field).asText());
                }
            }
            if (words.length > 2) {
                markers.add(words[2]);
            }
            add(words[0], words[1], doc, Shade.DELETED_PART, 1, markers.stream().distinct().toArray(String[]::new));
        }
    }

    /** A deleted agent, place, subject and collection, each named with a marker. */
    private void deletedRecords() {
        String agentName = marker("deletedagent");
        String agent = Agents.person(agentName).identifier("OTHER", deletedIdentifier).create();
        String placeName = marker("deletedplace");
        String place = Places.named(placeName).create();
        String subjectLabel = marker("deletedsubject");
        String subject = Subjects.labelled(subjectLabel).create();
        String collectionTitle = marker("deletedcollection");
        String collection = Collections.titled(collectionTitle).create();
        delete("/agents/" + agent);
        delete("/places/" + place);
        delete("/subjects/" + subject);
        delete("/collections/" + collection);
        add("agent", agent, null, Shade.DELETED_RECORD, 1, agentName, deletedIdentifier);
        add("place", place, null, Shade.DELETED_RECORD, 1, placeName);
        add("subject", subject, null, Shade.DELETED_RECORD, 1, subjectLabel);
        add("collection", collection, null, Shade.DELETED_RECORD, 1, collectionTitle);
    }

    private void reshade(String document, Shade shade, int version) {
        things.replaceAll(t -> t.id() != null && t.id().equals(document)
                ? new Thing(t.kind(), t.id(), t.document(), shade, t.markers(), version) : t);
    }

    private static void delete(String path, Object... params) {
        api().header("If-Match", etag(path, params)).delete(path, params).then().statusCode(204);
    }

    // --- the spec -----------------------------------------------------------------------------------------------------

    /** A parameter the filler has no value for. */
    static final class Unfillable extends Exception {
        Unfillable(String parameter) {
            super(parameter, null, false, false);
        }
    }

    /** Calls one GET operation in every filling of its path and with every filter, as every caller. */
    private void exercise(JsonNode spec, String op, String template, List<JsonNode> parameters) throws Unfillable {
        filters.put(op, new LinkedHashSet<>());
        List<JsonNode> query = parameters.stream().filter(p -> p.path("in").asText().equals("query")).toList();
        Map<String, String> base = new LinkedHashMap<>();
        List<Map<String, String>> variants = new ArrayList<>();
        for (JsonNode p : query) {
            String name = p.path("name").asText();
            if (name.equals("cursor") || name.equals("offset") || name.equals("resumptionToken")) {
                continue; // followed from `next` and `next_offset` (an OAI-PMH token is not followed)
            }
            List<String> values = queryValues(spec, op, name, p);
            if (values.isEmpty()) {
                throw new Unfillable("query parameter " + name);
            }
            boolean pair = (name.equals("from") || name.equals("to")) && has(query, "from") && has(query, "to")
                    || name.startsWith("date_") && has(query, "date_from") && has(query, "date_to");
            if (p.path("required").asBoolean() || pair || name.equals("limit") || name.equals("embed")) {
                base.put(name, values.get(0));
                values = values.subList(1, values.size());
            }
            for (String v : values) {
                Map<String, String> variant = new LinkedHashMap<>();
                variant.put(name, v);
                variants.add(variant);
            }
            if (!values.isEmpty()) {
                filters.get(op).add(name);
            }
        }
        List<List<Thing>> fillings = new ArrayList<>();
        List<String> paths = fill(template, fillings);
        boolean filtered = false;
        for (int i = 0; i < paths.size(); i++) {
            // the filters on the first path that is visible to all (the hidden ones are answered 404 before filtering)
            boolean filter = !filtered && fillings.get(i).stream().allMatch(t -> t.shade() == Shade.PUBLIC);
            filtered |= filter;
            for (Caller caller : Caller.values()) {
                call(op, template, paths.get(i), fillings.get(i), base, null, caller);
                for (Map<String, String> variant : variants) {
                    if (filter) {
                        Map<String, String> params = new LinkedHashMap<>(base);
                        if (variant.containsKey("on")) {
                            // a period instead of a span
                            params.remove("from");
                            params.remove("to");
                        }
                        params.putAll(variant);
                        call(op, template, paths.get(i), fillings.get(i), params, variant.keySet().iterator().next(),
                                caller);
                    }
                }
            }
        }
    }

    private static boolean has(List<JsonNode> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.path("name").asText().equals(name));
    }

    /** Every filling of the path's parameters: each thing of the kind its last id names, with its document. */
    private List<String> fill(String template, List<List<Thing>> fillings) throws Unfillable {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.isEmpty()) {
            fillings.add(List.of());
            return List.of(template);
        }
        String primary = null;
        for (String n : names) {
            if (n.endsWith("_id")) {
                primary = n;
            }
        }
        List<String> paths = new ArrayList<>();
        if (primary == null) {
            for (String n : names) {
                if (!n.equals("problem_type")) {
                    throw new Unfillable("path parameter " + n);
                }
            }
            fillings.add(List.of());
            return List.of(template.replace("{problem_type}", "not-found"));
        }
        String kind = primary.substring(0, primary.length() - 3);
        if (kind.equals("api_key")) {
            // admin-only, no archive record: an id that does not exist
            fillings.add(List.of());
            return List.of(template.replace("{api_key_id}", UUID.randomUUID().toString()));
        }
        if (kind.equals("fixity_check")) {
            // EDITOR only, who may see everything: a check of the whole archive, started once here
            fillings.add(List.of());
            return List.of(template.replace("{fixity_check_id}", fixityCheck()));
        }
        if (kind.equals("import")) {
            // EDITOR only, who may see everything: an import that wrote nothing, started once here
            fillings.add(List.of());
            return List.of(template.replace("{import_id}", importJob()));
        }
        List<Thing> candidates = things.stream().filter(t -> t.kind().equals(kind)).toList();
        if (candidates.isEmpty()) {
            throw new Unfillable("path parameter " + primary);
        }
        for (Thing t : candidates) {
            List<List<Thing>> combos = new ArrayList<>();
            List<Thing> own = new ArrayList<>(List.of(t));
            if (names.contains("document_id") && !primary.equals("document_id")) {
                own.add(document(t.document()));
                combos.add(own);
                if (t.shade() != Shade.PUBLIC && !t.document().equals(published)) {
                    // a hidden part asked for under the visible document
                    combos.add(List.of(t, document(published)));
                }
            } else {
                combos.add(own);
            }
            for (List<Thing> combo : combos) {
                List<String> versions = names.contains("version")
                        ? (t.version() == 0 ? List.of("0") : List.of("0", String.valueOf(t.version())))
                        : List.of("");
                for (String version : versions) {
                    String path = template.replace("{" + primary + "}", t.id());
                    if (combo.size() > 1) {
                        path = path.replace("{document_id}", combo.get(1).id());
                    }
                    path = path.replace("{version}", version).replace("{number}", "1");
                    if (PARAM.matcher(path).find()) {
                        Matcher rest = PARAM.matcher(path);
                        rest.find();
                        throw new Unfillable("path parameter " + rest.group(1));
                    }
                    paths.add(path);
                    fillings.add(combo);
                }
            }
        }
        return paths;
    }

    private Thing document(String id) {
        return things.stream().filter(t -> t.kind().equals("document") && t.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** Values for a query parameter: by name first, then from its schema. The first is the default choice. */
    private List<String> queryValues(JsonNode spec, String op, String name, JsonNode parameter) {
        JsonNode schema = resolve(spec, parameter.path("schema"));
        List<String> ids = List.of();
        switch (name) {
            case "q":
                // the common word of every document, and the hidden words of texts, annotations and records
                List<String> words = new ArrayList<>(List.of(common));
                for (Thing t : things) {
                    if (t.shade() != Shade.PUBLIC && Set.of("text", "annotation", "agent", "place", "subject",
                            "collection").contains(t.kind())) {
                        words.addAll(t.markers());
                    }
                }
                return words.stream().distinct().toList();
            case "identifier":
                return List.of("other:" + deletedIdentifier);
            case "name":
            case "label":
                return things.stream().filter(t -> t.shade() == Shade.DELETED_RECORD).flatMap(t -> t.markers().stream())
                        .toList();
            case "on":
            case "from":
            case "to":
            case "date_from":
            case "date_to":
                return List.of(DAY);
            case "language":
                return List.of(hiddenLanguage, "ru");
            case "classification":
                return things.stream().filter(t -> t.kind().equals("document")).map(t -> t.markers().get(2)).toList();
            case "participant_id":
                return List.of(hiddenAgent, visibleAgent);
            case "place_id":
                return things.stream().filter(t -> t.kind().equals("place")).map(Thing::id).toList();
            case "subject_id":
                return List.of(hiddenSubject, publicSubject);
            case "collection_id":
            case "set":
                return List.of(hiddenCollection, publicCollection);
            case "until":
                return List.of("9999-12-31");
            case "text_id":
                // the texts of the visible document; the filter is only called on visible paths
                ids = things.stream().filter(t -> t.kind().equals("text") && published.equals(t.document()))
                        .map(Thing::id).toList();
                return ids;
            case "start":
                return List.of("0");
            case "end":
                return List.of("1");
            case "embed":
                return List.of("all");
            case "after":
                // the NDJSON export after the first possible agent: all of it
                return List.of("AGENT:" + new UUID(0, 0));
            case "limit":
                return List.of(schema.has("maximum") ? schema.get("maximum").asText() : "50");
            case "offset":
                return List.of("0");
            default:
                break;
        }
        JsonNode values = schema.get("enum");
        if (values == null) {
            for (JsonNode alt : schema.path("anyOf")) {
                JsonNode r = resolve(spec, alt);
                if (r.has("enum")) {
                    values = r.get("enum");
                }
            }
        }
        if (values != null) {
            List<String> all = new ArrayList<>();
            values.forEach(v -> all.add(v.asText()));
            if (all.size() <= 3) {
                return all;
            }
            List<String> used = all.stream().filter(USED::contains).toList();
            return used.isEmpty() ? all.subList(0, 1) : used;
        }
        if (schema.path("type").asText().equals("boolean")) {
            return List.of("true", "false");
        }
        if (schema.has("default")) {
            return List.of(schema.get("default").asText());
        }
        return List.of();
    }

    /** The enum values the archive above uses, so that filters by them select its records. */
    private static final Set<String> USED = Set.of("DIARY", "LETTER", "SENDER", "RECIPIENT", "CITES", "RELATED",
            "TRANSLATOR_NOTE", "MENTION", "MARGINALIA", "PERSON", "DAY", "RELEVANCE", "DATE");

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    // --- the calls and what they may show -------------------------------------------------------------------------------

    private void call(String op, String template, String path, List<Thing> filled, Map<String, String> query,
            String filter, Caller caller) {
        String cursor = null;
        String offset = null;
        for (int page = 0; page < PAGES; page++) {
            RequestSpecification request = caller.request().queryParams(query);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            if (offset != null) {
                request.queryParam("offset", offset);
            }
            Response response = request.get(path);
            requests++;
            String url = path + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&")) + (cursor == null ? "" : "&cursor=…") + (offset == null ? "" : "&offset=" + offset);
            String where = op + " GET " + url + " as " + caller;
            int status = response.statusCode();
            expectStatus(op, template, filled, caller, status, filter, where);
            if (status < 300) {
                answered.add(op);
                if (filter != null) {
                    filtersAnswered.add(op + " " + filter);
                }
            }
            String body = response.asString().toLowerCase(Locale.ROOT);
            checkNoLeak(template, filled, query.values(), caller, status, body, where);
            JsonNode json = status < 300 ? json(response) : null;
            if (json != null) {
                checkCounts(json, query, filter, caller, where);
            }
            cursor = json == null ? null : cursorOf(json.path("next").asText(null));
            offset = json == null || cursor != null ? null : json.path("next_offset").asText(null);
            if (cursor == null && offset == null) {
                return;
            }
        }
    }

    /** A {@code next} that is a URL (a W3C AnnotationPage's) carries the cursor in its query. */
    private static String cursorOf(String next) {
        if (next == null || !next.startsWith("http")) {
            return next;
        }
        String query = java.net.URI.create(next).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("cursor=")) {
                return java.net.URLDecoder.decode(pair.substring("cursor=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void expectStatus(String op, String template, List<Thing> filled, Caller caller, int status,
            String filter, String where) {
        if (ADMIN_ONLY.contains(op)) {
            expect(status == (caller == Caller.ANONYMOUS ? 401 : 403), where, "answered " + status
                    + ", not 401/403 for an administrator's operation");
            return;
        }
        if (EDITOR_ONLY.contains(op)) {
            int expected = caller == Caller.ANONYMOUS ? 401 : caller == Caller.CONTRIBUTOR ? 403 : 200;
            expect(status == expected, where, "answered " + status + ", not " + expected + " for an editor's operation");
            return;
        }
        boolean revisions = template.contains("/revisions");
        boolean allSeen = filled.stream().allMatch(t -> t.shade().seenBy(caller));
        boolean foreign = filled.size() > 1 && filled.stream().anyMatch(t -> !t.kind().equals("document")
                && !filled.get(filled.size() - 1).id().equals(t.document()));
        boolean allPermitted = filled.stream().allMatch(t -> t.shade().permits(caller));
        if (!allPermitted) {
            expect(status == 404, where, "answered " + status + " for " + hidden(filled, caller)
                    + " which it may not see: must be 404 as for what does not exist");
        } else if (foreign) {
            expect(status == 404 || status == 410 && !allSeen, where, "answered " + status + " for "
                    + filled.get(0) + " under another document: must be 404");
        } else if (!allSeen) {
            expect(status == 404 || status == 410 || (revisions && status == 200), where, "answered " + status
                    + " for deleted " + hidden(filled, caller) + ": must be 404 or 410");
        } else if (filter == null) {
            expect(status == 200, where, "answered " + status + " where all is visible to the caller");
        } else {
            expect(status == 200 || (status >= 400 && status < 500), where, "answered " + status);
        }
    }

    private static String hidden(List<Thing> filled, Caller caller) {
        return filled.stream().filter(t -> !t.shade().seenBy(caller)).map(Thing::toString)
                .collect(Collectors.joining(", "));
    }

    /**
     * No marker or id of a thing hidden from this caller, but the ids it sent and, in revisions, what it names; a 410
     * may name the deleted document of what was asked for (to a caller who could see it but for the deletion).
     */
    private void checkNoLeak(String template, List<Thing> filled, Collection<String> sent, Caller caller,
            int status, String body, String where) {
        boolean revisions = template.contains("/revisions");
        Set<String> named = new HashSet<>(sent);
        for (Thing t : filled) {
            named.add(t.id());
            if (status == 410 && t.document() != null && t.shade().permits(caller)) {
                named.add(t.document());
            }
        }
        for (Thing t : things) {
            if (t.shade().seenBy(caller)) {
                for (String marker : t.markers()) {
                    if (body.contains(marker)) {
                        seen.computeIfAbsent(caller, c -> new HashSet<>()).add(marker);
                    }
                }
                continue;
            }
            // the history of a deleted thing stays readable to whoever could see it, and names its document
            boolean history = revisions && t.shade().permits(caller);
            if (!history || !filled.contains(t)) {
                for (String marker : t.markers()) {
                    if (body.contains(marker) && !named.contains(marker)) {
                        leak(where, "marker " + marker + " of " + t);
                    }
                }
            }
            if (t.id() != null && body.contains(t.id()) && !named.contains(t.id()) && !history
                    && !deletedOaiRecord(template, t, caller, body)) {
                leak(where, "id of " + t);
            }
        }
    }

    /**
     * OAI-PMH lists a deleted document as deleted (deletedRecord=persistent) to whoever could see it but for the
     * deletion: its id may appear, but only in headers with status="deleted" (the body is lower-cased here).
     */
    private static boolean deletedOaiRecord(String template, Thing t, Caller caller, String body) {
        if (!template.equals("/oai") || t.shade() != Shade.DELETED_DOCUMENT || !t.kind().equals("document")
                || !t.shade().permits(caller)) {
            return false;
        }
        int occurrences = body.split(Pattern.quote(t.id()), -1).length - 1;
        Matcher headers = Pattern.compile("<header status=\"deleted\"><identifier>oai:[^<:]*:"
                + Pattern.quote(t.id()) + "</identifier>").matcher(body);
        int inDeletedHeaders = 0;
        while (headers.find()) {
            inDeletedHeaders++;
        }
        return occurrences == inDeletedHeaders;
    }

    /** Counts that include DAY: exactly the caller's visible documents of DAY (each has one live mention of it). */
    private void checkCounts(JsonNode json, Map<String, String> query, String filter, Caller caller, String where) {
        long visible = things.stream().filter(t -> t.kind().equals("document") && t.shade().seenBy(caller)).count();
        long hiddenVisible = things.stream().filter(t -> t.kind().equals("document") && t.shade() != Shade.PUBLIC
                && t.shade().seenBy(caller)).count();
        // filters that do not change which of DAY's documents count (each is written and mentions DAY)
        boolean neutral = filter == null || Set.of("basis", "granularity", "on").contains(filter);
        for (JsonNode bucket : json.findParents("period")) {
            String period = bucket.path("period").asText();
            long expected = period.equals(DELETED_DAY) ? 0 : DAY.startsWith(period) ? visible : -1;
            if (expected < 0 || !neutral) {
                continue;
            }
            counted.add("period " + caller);
            for (String field : List.of("count", "written", "mentioned")) {
                if (bucket.has(field) && bucket.get(field).asLong() != expected) {
                    leak(where, "the " + field + " of " + period + " is " + bucket.get(field) + ", not " + expected);
                }
            }
        }
        boolean dayOnly = DAY.equals(query.get("from")) && DAY.equals(query.get("to"));
        if (neutral && dayOnly) {
            for (String field : List.of("written", "mentioned")) {
                if (json.has(field) && json.get(field).isNumber()) {
                    counted.add("totals " + caller);
                }
                if (json.has(field) && json.get(field).isNumber() && json.get(field).asLong() != visible) {
                    leak(where, "the total " + field + " is " + json.get(field) + ", not " + visible);
                }
            }
        }
        // lists of DAY's documents: exactly the caller's visible ones
        boolean ofDay = DAY.equals(query.get("on")) || dayOnly
                || DAY.equals(query.get("date_from")) && DAY.equals(query.get("date_to"));
        if ((filter == null || filter.equals("on")) && ofDay && json.has("items") && !json.hasNonNull("next")) {
            Set<String> listed = new TreeSet<>();
            for (JsonNode item : json.get("items")) {
                for (String field : List.of("id", "document_id")) {
                    if (item.has(field)) {
                        listed.add(item.get(field).asText());
                    }
                }
                if (item.has("document")) {
                    listed.add(item.path("document").path("id").asText());
                }
            }
            Set<String> expected = things.stream().filter(t -> t.kind().equals("document") && t.shade().seenBy(caller))
                    .map(Thing::id).collect(Collectors.toCollection(TreeSet::new));
            counted.add("documents of the day " + caller);
            if (!listed.equals(expected)) {
                leak(where, "lists " + listed + ", not the caller's documents of " + DAY + " " + expected);
            }
        }
        // search over the common word: totals and facets count only what the caller sees
        if (common.equals(query.get("q")) && json.has("facets") && "q".equals(filter)) {
            counted.add("facets " + caller);
            expectCount(where, "total", json.path("total").asLong(), visible);
            JsonNode facets = json.get("facets");
            for (String facet : List.of("kind", "classification", "has_translator_notes", "has_marginalia")) {
                long sum = 0;
                for (JsonNode v : facets.path(facet)) {
                    sum += v.path("count").asLong();
                }
                expectCount(where, "sum of the " + facet + " facet", sum, visible);
            }
            facetCount(where, facets.path("subject"), hiddenSubject, hiddenVisible);
            facetCount(where, facets.path("subject"), publicSubject, visible - hiddenVisible);
            facetCount(where, facets.path("collection"), hiddenCollection, hiddenVisible);
            facetCount(where, facets.path("collection"), publicCollection, visible - hiddenVisible);
            facetCount(where, facets.path("language"), hiddenLanguage, hiddenVisible);
        }
    }

    private void facetCount(String where, JsonNode facet, String value, long expected) {
        long count = 0;
        for (JsonNode v : facet) {
            if (v.path("value").asText().equalsIgnoreCase(value)) {
                count = v.path("count").asLong();
            }
        }
        expectCount(where, "facet count of " + value, count, expected);
    }

    private void expectCount(String where, String what, long actual, long expected) {
        if (actual != expected) {
            leak(where, "the " + what + " is " + actual + ", not " + expected);
        }
    }

    private void expect(boolean ok, String where, String message) {
        if (!ok) {
            failures.putIfAbsent(where + message, where + ": " + message);
        }
    }

    private void leak(String where, String what) {
        failures.putIfAbsent(where + what, where + ": shows " + what);
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
