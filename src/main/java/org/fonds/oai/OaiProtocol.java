package org.fonds.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.access.Role;
import org.fonds.cmif.Letter;
import org.fonds.cmif.LetterReader;
import org.fonds.collection.Collection;
import org.fonds.collection.CollectionRepository;
import org.fonds.http.CursorCodec;
import org.fonds.http.ProblemException;

/**
 * The OAI-PMH 2.0 data provider: the six verbs, every error condition, oai_dc (and TEI when {@link TeiMetadata} is
 * implemented), sets from collections, and lists in pages whose resumptionToken holds the key of the last record
 * shown (datestamp, id), not an offset. A list is the records whose datestamps lie in [from, until] and before the
 * time of its first request: its later pages neither repeat a record changed meanwhile (it moved past that time) nor
 * lose one that was not changed; what changed during the harvest is in the next incremental harvest (from = the first
 * response's responseDate). Deleted documents are listed as deleted (deletedRecord=persistent: soft deletion keeps
 * them); what the caller may not see is not there at all (the view document_datestamp).
 *
 * <p>Each response holds at most one page, so it is built in memory (bounded by the page size) and errors found while
 * reading can still be answered as errors.
 *
 * <p>Written here rather than on {@code io.gdcc:xoai-data-provider}, which issue 10 suggests: that library's
 * resumption token carries an offset into the list (its {@code ItemRepository} pages by offset and length), and a
 * list paged by offset repeats or skips records when a write moves them between pages, which a harvest of a live
 * archive must not do; its model would also stand between the view {@code document_datestamp} (what the caller may
 * see, deleted records included) and the keyset query on (datestamp, id) that makes the pages stable. The protocol
 * itself is small: six verbs, eight errors, XML written with StAX.
 */
@ApplicationScoped
public class OaiProtocol {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String TEI = "http://www.tei-c.org/ns/1.0";
    static final int RECORDS_PAGE = 100;
    static final int IDENTIFIERS_PAGE = 500;
    static final int SETS_PAGE = 100;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final Instant FIRST_DAY = Instant.parse("1970-01-01T00:00:00Z");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();
    private static final String TOKEN_SCOPE = "oai";

    /** The verbs, with the arguments each allows and requires (besides an exclusive resumptionToken). */
    enum Verb {
        Identify(Set.of(), Set.of(), false),
        ListMetadataFormats(Set.of("identifier"), Set.of(), false),
        ListSets(Set.of(), Set.of(), true),
        GetRecord(Set.of("identifier", "metadataPrefix"), Set.of("identifier", "metadataPrefix"), false),
        ListIdentifiers(Set.of("metadataPrefix", "from", "until", "set"), Set.of("metadataPrefix"), true),
        ListRecords(Set.of("metadataPrefix", "from", "until", "set"), Set.of("metadataPrefix"), true);

        final Set<String> allowed;
        final Set<String> required;
        final boolean resumable;

        Verb(Set<String> allowed, Set<String> required, boolean resumable) {
            this.allowed = allowed;
            this.required = required;
            this.resumable = resumable;
        }
    }

    /** Writes a response's body: the verb's element or the error. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private final OaiRepository repository;
    private final LetterReader letters;
    private final CollectionRepository collections;
    private final CursorCodec tokens;
    private final Instance<TeiMetadata> tei;

    @ConfigProperty(name = "fonds.archive.name", defaultValue = "Fonds")
    String repositoryName;

    @ConfigProperty(name = "fonds.archive.contact-email", defaultValue = "archive@example.org")
    String adminEmail;

    /** The repositoryIdentifier of the record identifiers {@code oai:<it>:<document id>}: a domain name. */
    @ConfigProperty(name = "fonds.oai.repository-identifier", defaultValue = "fonds.example.org")
    String repositoryIdentifier;

    OaiProtocol(OaiRepository repository, LetterReader letters, CollectionRepository collections, CursorCodec tokens,
            Instance<TeiMetadata> tei) {
        this.repository = repository;
        this.letters = letters;
        this.collections = collections;
        this.tokens = tokens;
        this.tei = tei;
    }

    /** The response to one request: its arguments (query or form), the base URL (of /oai and of the archive). */
    public String respond(MultivaluedMap<String, String> arguments, String baseUrl, String archiveUrl, Role role) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Body body;
        boolean echo = true;
        try {
            Verb verb = verb(arguments);
            try {
                Map<String, String> args = arguments(verb, arguments);
                body = switch (verb) {
                    case Identify -> identify(baseUrl);
                    case ListMetadataFormats -> listMetadataFormats(args.get("identifier"));
                    case ListSets -> listSets(args.get("resumptionToken"));
                    case GetRecord -> getRecord(args, archiveUrl, role);
                    case ListIdentifiers, ListRecords -> list(verb, args, now, archiveUrl, role);
                };
            } catch (OaiError e) {
                echo = !e.code.equals(OaiError.BAD_ARGUMENT);
                throw e;
            }
        } catch (OaiError e) {
            echo &= !e.code.equals(OaiError.BAD_VERB);
            body = error(e);
        }
        return envelope(now, baseUrl, echo ? arguments : null, body);
    }

    /** The response to a request whose arguments cannot be read at all (a form body that is not URL-encoded). */
    public String unreadable(String baseUrl, String detail) {
        return envelope(Instant.now().truncatedTo(ChronoUnit.MICROS), baseUrl, null,
                error(new OaiError(OaiError.BAD_ARGUMENT, detail)));
    }

    private static Body error(OaiError e) {
        return xml -> {
            xml.writeStartElement(OAI, "error");
            xml.writeAttribute("code", e.code);
            xml.writeCharacters(e.getMessage());
            xml.writeEndElement();
        };
    }

    // --- arguments ------------------------------------------------------------------------------------------------

    private static Verb verb(MultivaluedMap<String, String> arguments) {
        List<String> verbs = arguments.get("verb");
        if (verbs == null || verbs.isEmpty()) {
            throw new OaiError(OaiError.BAD_VERB, "The request has no verb: give one of Identify, ListMetadataFormats, "
                    + "ListSets, GetRecord, ListIdentifiers or ListRecords.");
        }
        if (verbs.size() > 1) {
            throw new OaiError(OaiError.BAD_VERB, "The verb is repeated.");
        }
        try {
            return Verb.valueOf(verbs.get(0));
        } catch (IllegalArgumentException e) {
            throw new OaiError(OaiError.BAD_VERB, "'" + verbs.get(0) + "' is not an OAI-PMH verb.");
        }
    }

    /** The verb's arguments, each once; badArgument for an unknown, repeated or missing one. */
    private static Map<String, String> arguments(Verb verb, MultivaluedMap<String, String> arguments) {
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (var argument : arguments.entrySet()) {
            String name = argument.getKey();
            if (name.equals("verb")) {
                continue;
            }
            if (!verb.allowed.contains(name) && !(verb.resumable && name.equals("resumptionToken"))) {
                throw new OaiError(OaiError.BAD_ARGUMENT, verb + " does not take the argument '" + name + "'.");
            }
            if (argument.getValue().size() != 1) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "The argument '" + name + "' is repeated.");
            }
            args.put(name, argument.getValue().get(0));
        }
        if (args.containsKey("resumptionToken")) {
            if (args.size() > 1) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "resumptionToken is an exclusive argument: give it alone "
                        + "(with the verb).");
            }
            return args;
        }
        for (String name : verb.required) {
            if (!args.containsKey(name)) {
                throw new OaiError(OaiError.BAD_ARGUMENT, verb + " needs the argument '" + name + "'.");
            }
        }
        return args;
    }

    /** A from or until argument; {@code until} is made exclusive (the end of its day or second). */
    private static Instant datestamp(String name, String value, boolean until) {
        if (DAY.matcher(value).matches()) {
            try {
                LocalDate day = LocalDate.parse(value);
                return day.plusDays(until ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.DateTimeException e) {
                // reported below
            }
        } else if (SECOND.matcher(value).matches()) {
            try {
                return Instant.parse(value).plusSeconds(until ? 1 : 0);
            } catch (java.time.DateTimeException e) {
                // reported below
            }
        }
        throw new OaiError(OaiError.BAD_ARGUMENT, "'" + name + "' must be a UTC datestamp YYYY-MM-DD or "
                + "YYYY-MM-DDThh:mm:ssZ, not '" + value + "'.");
    }

    private void requireFormat(String prefix) {
        if (!formats().containsKey(prefix)) {
            throw new OaiError(OaiError.CANNOT_DISSEMINATE_FORMAT, "The metadata format '" + prefix + "' is not "
                    + "offered: ListMetadataFormats lists those that are.");
        }
    }

    /** The document id of an OAI identifier {@code oai:<repositoryIdentifier>:<uuid>}, or idDoesNotExist. */
    private UUID documentId(String identifier) {
        String prefix = "oai:" + repositoryIdentifier + ":";
        if (identifier.startsWith(prefix)) {
            try {
                return UUID.fromString(identifier.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new OaiError(OaiError.ID_DOES_NOT_EXIST, "There is no item '" + identifier + "' in this repository.");
    }

    private String identifier(UUID id) {
        return "oai:" + repositoryIdentifier + ":" + id;
    }

    // --- the verbs ------------------------------------------------------------------------------------------------

    private Body identify(String baseUrl) {
        Instant earliest = repository.earliestDatestamp();
        return xml -> {
            xml.writeStartElement(OAI, "Identify");
            element(xml, OAI, "repositoryName", repositoryName);
            element(xml, OAI, "baseURL", baseUrl);
            element(xml, OAI, "protocolVersion", "2.0");
            element(xml, OAI, "adminEmail", adminEmail);
            element(xml, OAI, "earliestDatestamp", SECONDS.format(earliest == null ? Instant.EPOCH : earliest));
            element(xml, OAI, "deletedRecord", "persistent");
            element(xml, OAI, "granularity", "YYYY-MM-DDThh:mm:ssZ");
            xml.writeEndElement();
        };
    }

    /** The metadata formats offered: prefix to schema and namespace. */
    private Map<String, List<String>> formats() {
        Map<String, List<String>> formats = new java.util.LinkedHashMap<>();
        formats.put("oai_dc", List.of("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC));
        if (tei.isResolvable()) {
            formats.put("tei", List.of("https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd", TEI));
        }
        return formats;
    }

    private Body listMetadataFormats(String identifier) {
        if (identifier != null) {
            OaiHeader header = repository.header(documentId(identifier)).orElseThrow(() -> new OaiError(
                    OaiError.ID_DOES_NOT_EXIST, "There is no item '" + identifier + "' in this repository."));
            if (header.deleted()) {
                throw new OaiError(OaiError.NO_METADATA_FORMATS, "The item '" + identifier + "' is deleted: no "
                        + "metadata of it is disseminated any more.");
            }
        }
        Map<String, List<String>> formats = formats();
        return xml -> {
            xml.writeStartElement(OAI, "ListMetadataFormats");
            for (var format : formats.entrySet()) {
                xml.writeStartElement(OAI, "metadataFormat");
                element(xml, OAI, "metadataPrefix", format.getKey());
                element(xml, OAI, "schema", format.getValue().get(0));
                element(xml, OAI, "metadataNamespace", format.getValue().get(1));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        };
    }

    private Body listSets(String token) {
        UUID after = null;
        long cursor = 0;
        long size = -1;
        if (token != null) {
            List<String> keys = decode(token, "ListSets", 4);
            after = UUID.fromString(keys.get(1));
            cursor = Long.parseLong(keys.get(2));
            size = Long.parseLong(keys.get(3));
        }
        List<Collection> page = collections.page(after, SETS_PAGE + 1);
        if (page.isEmpty() && token == null) {
            throw new OaiError(OaiError.NO_SET_HIERARCHY, "This repository has no sets (collections) to show.");
        }
        boolean more = page.size() > SETS_PAGE;
        List<Collection> shown = more ? page.subList(0, SETS_PAGE) : page;
        long total = size >= 0 ? size : more ? collections.count() : shown.size();
        String next = more ? tokens.encode(TOKEN_SCOPE, List.of("ListSets", shown.get(shown.size() - 1).id.toString(),
                String.valueOf(cursor + shown.size()), String.valueOf(total))) : null;
        boolean resumed = token != null || more;
        long shownBefore = cursor;
        return xml -> {
            xml.writeStartElement(OAI, "ListSets");
            for (Collection c : shown) {
                xml.writeStartElement(OAI, "set");
                element(xml, OAI, "setSpec", c.id.toString());
                element(xml, OAI, "setName", c.title);
                if (c.description != null && !c.description.isBlank()) {
                    xml.writeStartElement(OAI, "setDescription");
                    startDc(xml);
                    element(xml, DC, "description", c.description);
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (resumed) {
                resumptionToken(xml, next, total, shownBefore);
            }
            xml.writeEndElement();
        };
    }

    private Body getRecord(Map<String, String> args, String archiveUrl, Role role) {
        UUID id = documentId(args.get("identifier"));
        String prefix = args.get("metadataPrefix");
        requireFormat(prefix);
        OaiHeader header = repository.header(id).orElseThrow(() -> new OaiError(OaiError.ID_DOES_NOT_EXIST,
                "There is no item '" + args.get("identifier") + "' in this repository."));
        Map<UUID, Letter> metadata = metadata(List.of(header), role);
        if (!header.deleted() && !metadata.containsKey(id)) {
            throw new OaiError(OaiError.ID_DOES_NOT_EXIST, "There is no item '" + args.get("identifier")
                    + "' in this repository.");
        }
        return xml -> {
            xml.writeStartElement(OAI, "GetRecord");
            record(xml, header, metadata.get(id), prefix, archiveUrl);
            xml.writeEndElement();
        };
    }

    /** ListIdentifiers and ListRecords: one page of the list, and the token of the next. */
    private Body list(Verb verb, Map<String, String> args, Instant now, String archiveUrl, Role role) {
        String prefix;
        OaiRepository.Selection selection;
        Instant afterDatestamp = null;
        UUID afterId = null;
        long cursor = 0;
        long size = -1;
        String token = args.get("resumptionToken");
        if (token != null) {
            List<String> keys = decode(token, verb.name(), 9);
            prefix = keys.get(1);
            selection = new OaiRepository.Selection(keys.get(2).isEmpty() ? null : Instant.parse(keys.get(2)),
                    Instant.parse(keys.get(3)), keys.get(4).isEmpty() ? null : keys.get(4));
            afterDatestamp = Instant.parse(keys.get(5));
            afterId = UUID.fromString(keys.get(6));
            size = Long.parseLong(keys.get(7));
            cursor = Long.parseLong(keys.get(8));
        } else {
            prefix = args.get("metadataPrefix");
            String from = args.get("from");
            String until = args.get("until");
            Instant fromInstant = from == null ? null : datestamp("from", from, false);
            if (fromInstant != null && fromInstant.isBefore(FIRST_DAY)) {
                fromInstant = null; // before any datestamp (and before the years PostgreSQL reads)
            }
            Instant untilInstant = until == null ? null : datestamp("until", until, true);
            if (untilInstant != null && untilInstant.isBefore(FIRST_DAY)) {
                untilInstant = FIRST_DAY;
            }
            if (from != null && until != null && from.length() != until.length()) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "'from' and 'until' must have the same granularity.");
            }
            if (fromInstant != null && untilInstant != null && !fromInstant.isBefore(untilInstant)) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "'from' is later than 'until'.");
            }
            requireFormat(prefix);
            // the list is the records up to this moment: later changes belong to the next harvest
            Instant end = untilInstant == null || untilInstant.isAfter(now) ? now : untilInstant;
            String set = args.get("set");
            if (set != null && !SET_SPEC.matcher(set).matches()) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "'" + set + "' is not a setSpec.");
            }
            if (set != null && !isUuid(set)) {
                throw new OaiError(OaiError.NO_RECORDS_MATCH, "There is no set '" + set + "'.");
            }
            selection = new OaiRepository.Selection(fromInstant, end, set);
        }
        if (!formats().containsKey(prefix)) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken names a format no longer offered.");
        }
        int limit = verb == Verb.ListRecords ? RECORDS_PAGE : IDENTIFIERS_PAGE;
        List<OaiHeader> page = repository.page(selection, afterDatestamp, afterId, limit + 1);
        if (page.isEmpty()) {
            throw new OaiError(OaiError.NO_RECORDS_MATCH, "No records match the arguments"
                    + (token == null ? "." : " any more (the rest of the list was hidden or deleted meanwhile)."));
        }
        boolean more = page.size() > limit;
        List<OaiHeader> shown = more ? page.subList(0, limit) : page;
        long total = size >= 0 ? size : more ? repository.count(selection) : shown.size();
        OaiHeader last = shown.get(shown.size() - 1);
        String next = more ? tokens.encode(TOKEN_SCOPE, List.of(verb.name(), prefix,
                selection.from() == null ? "" : selection.from().toString(), selection.until().toString(),
                selection.set() == null ? "" : selection.set(), last.datestamp().toString(), last.id().toString(),
                String.valueOf(total), String.valueOf(cursor + shown.size()))) : null;
        boolean resumed = token != null || more;
        Map<UUID, Letter> metadata = verb == Verb.ListRecords ? metadata(shown, role) : Map.of();
        long shownBefore = cursor;
        return xml -> {
            xml.writeStartElement(OAI, verb.name());
            for (OaiHeader header : shown) {
                if (verb == Verb.ListIdentifiers) {
                    header(xml, header);
                } else if (header.deleted() || metadata.containsKey(header.id())) {
                    record(xml, header, metadata.get(header.id()), prefix, archiveUrl);
                }
            }
            if (resumed) {
                resumptionToken(xml, next, total, shownBefore);
            }
            xml.writeEndElement();
        };
    }

    private List<String> decode(String token, String verb, int keys) {
        List<String> decoded;
        try {
            decoded = tokens.decode(TOKEN_SCOPE, token);
        } catch (ProblemException e) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken is not one this repository "
                    + "issued, or it was altered.");
        }
        if (decoded.size() != keys || !decoded.get(0).equals(verb)) {
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "The resumptionToken was issued for another verb.");
        }
        return decoded;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The metadata of the live records among {@code headers}, read in one statement. */
    private Map<UUID, Letter> metadata(List<OaiHeader> headers, Role role) {
        List<UUID> ids = headers.stream().filter(h -> !h.deleted()).map(OaiHeader::id).toList();
        Map<UUID, Letter> metadata = new java.util.HashMap<>();
        letters.byIds(role, ids).forEach(l -> metadata.put(l.id(), l));
        return metadata;
    }

    // --- writing --------------------------------------------------------------------------------------------------

    private String envelope(Instant now, String baseUrl, MultivaluedMap<String, String> echoed, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(OAI);
            xml.writeStartElement(OAI, "OAI-PMH");
            xml.writeDefaultNamespace(OAI);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            element(xml, OAI, "responseDate", SECONDS.format(now));
            xml.writeStartElement(OAI, "request");
            if (echoed != null) {
                for (var argument : echoed.entrySet()) {
                    xml.writeAttribute(argument.getKey(), argument.getValue().get(0));
                }
            }
            xml.writeCharacters(baseUrl);
            xml.writeEndElement();
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private void header(XMLStreamWriter xml, OaiHeader header) throws XMLStreamException {
        xml.writeStartElement(OAI, "header");
        if (header.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        element(xml, OAI, "identifier", identifier(header.id()));
        element(xml, OAI, "datestamp", SECONDS.format(header.datestamp()));
        for (String set : header.sets()) {
            element(xml, OAI, "setSpec", set);
        }
        xml.writeEndElement();
    }

    private void record(XMLStreamWriter xml, OaiHeader header, Letter letter, String prefix, String archiveUrl)
            throws XMLStreamException {
        xml.writeStartElement(OAI, "record");
        header(xml, header);
        if (!header.deleted()) {
            xml.writeStartElement(OAI, "metadata");
            if (prefix.equals("tei")) {
                tei.get().write(header.id(), archiveUrl, xml);
            } else {
                dublinCore(xml, letter, archiveUrl);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void startDc(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("oai_dc", "dc", OAI_DC);
        xml.writeNamespace("oai_dc", OAI_DC);
        xml.writeNamespace("dc", DC);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
    }

    /**
     * Simple Dublin Core: title; the senders (else authors, signatories) as creators; the credited translators,
     * editors and others as contributors; the summary; the EDTF date; the DCMI type and the kind; the URL and the
     * reference numbers as identifiers; the languages; where the original is kept as source; the rights; the
     * place of origin as coverage.
     */
    private static void dublinCore(XMLStreamWriter xml, Letter letter, String archiveUrl) throws XMLStreamException {
        startDc(xml);
        dc(xml, "title", letter.title());
        for (Letter.Correspondent sender : letter.inFirstRoleOf("SENDER", "AUTHOR", "SIGNATORY")) {
            dc(xml, "creator", sender.name());
        }
        if (letter.credits() != null) {
            for (var credit : letter.credits()) {
                dc(xml, "contributor", credit.name());
            }
        }
        dc(xml, "description", letter.summary());
        dc(xml, "date", letter.date());
        dc(xml, "type", letter.kind().equals("PHOTOGRAPH") ? "StillImage" : "Text");
        dc(xml, "type", letter.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
        dc(xml, "identifier", archiveUrl + "documents/" + letter.id());
        if (letter.referenceNumbers() != null) {
            for (String number : letter.referenceNumbers()) {
                dc(xml, "identifier", number);
            }
        }
        if (letter.languages() != null) {
            for (String language : letter.languages()) {
                dc(xml, "language", language);
            }
        }
        dc(xml, "source", letter.sourceLine());
        dc(xml, "rights", letter.rights());
        if (letter.origin() != null) {
            dc(xml, "coverage", letter.origin().name());
        }
        xml.writeEndElement();
    }

    private static void dc(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            element(xml, DC, name, value);
        }
    }

    private static void resumptionToken(XMLStreamWriter xml, String token, long total, long cursor)
            throws XMLStreamException {
        xml.writeStartElement(OAI, "resumptionToken");
        xml.writeAttribute("completeListSize", String.valueOf(total));
        xml.writeAttribute("cursor", String.valueOf(cursor));
        if (token != null) {
            xml.writeCharacters(token);
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        if (namespace.equals(DC)) {
            xml.writeStartElement("dc", name, DC);
        } else {
            xml.writeStartElement(namespace, name);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
