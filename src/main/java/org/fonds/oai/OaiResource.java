package org.fonds.oai;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.access.Caller;

/** The OAI-PMH 2.0 endpoint: one URL, GET or POST, the verb and its arguments as parameters. */
@Path("/oai")
@Tag(name = "OAI-PMH", description = "The archive for harvesters (OAI-PMH 2.0): records are documents, in Dublin "
        + "Core (oai_dc), sets are collections.")
public class OaiResource {

    public static final String MEDIA_TYPE = "text/xml;charset=UTF-8";

    private static final String DESCRIPTION = "The OAI-PMH 2.0 protocol (https://www.openarchives.org/OAI/"
            + "openarchivesprotocol.html): `verb` with its arguments. Records are the documents the caller may see, "
            + "identified as `oai:<repository identifier>:<document id>`, in `oai_dc` (title, creators: the senders, "
            + "contributors: the credited translators and editors, description, date in EDTF, type, identifier: "
            + "the document's URL and reference numbers, language, source: where the original is kept, rights, "
            + "coverage: the place of origin); TEI as a second format once the TEI export provides it "
            + "(ListMetadataFormats says which are offered). Sets are the collections (setSpec: the collection's "
            + "id). Datestamps are UTC, granularity `YYYY-MM-DDThh:mm:ssZ` (`from`/`until` also take "
            + "`YYYY-MM-DD`); a document's datestamp is its last change (of the document or of any of its texts, "
            + "participants, notes, media, links or sets, and of what its record shows of others: a new name of "
            + "its agents or places, the deletion of one of its sets; an import's documents are dated by the "
            + "import, and a document out of its embargo by a check every few minutes after its day) or its "
            + "deletion. Deleted documents are listed as deleted (`deletedRecord` is `persistent`); documents the caller may not see are not "
            + "there at all. Lists come in pages (" + OaiProtocol.RECORDS_PAGE + " records, "
            + OaiProtocol.IDENTIFIERS_PAGE + " identifiers, " + OaiProtocol.SETS_PAGE + " sets) with a "
            + "`resumptionToken` and `completeListSize`; a token holds the datestamp and id of the last record "
            + "shown, so writes between pages neither repeat nor skip a record: a list is what its first request "
            + "saw (records changed later are in the next harvest, from that response's `responseDate`). As the "
            + "protocol requires, its errors (badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, "
            + "idDoesNotExist, noRecordsMatch, noMetadataFormats, noSetHierarchy) are answered with status 200 "
            + "and an `error` element.";

    @Inject
    OaiProtocol protocol;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(operationId = "oaiPmh", summary = "OAI-PMH 2.0 requests", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "An OAI-PMH response (valid against OAI-PMH.xsd), an error "
            + "condition included.", content = @Content(mediaType = MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING),
                    example = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>"
                            + "2026-12-02T05:00:00Z</responseDate><request verb=\"ListIdentifiers\" "
                            + "metadataPrefix=\"oai_dc\">https://archive.example.org/oai</request><ListIdentifiers>"
                            + "<header><identifier>oai:fonds.example.org:0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b"
                            + "</identifier><datestamp>2026-12-01T10:00:00Z</datestamp></header>…"
                            + "<resumptionToken completeListSize=\"1200\" cursor=\"0\">…</resumptionToken>"
                            + "</ListIdentifiers></OAI-PMH>"))
    public String get(
            @Parameter(description = "The request.", required = true, example = "ListRecords",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ListRecords", "ListIdentifiers",
                            "GetRecord", "Identify", "ListMetadataFormats", "ListSets"}))
            @QueryParam("verb") String verb,
            @Parameter(description = "Of the record metadata: `oai_dc` (Dublin Core) or `tei` (the document as "
                    + "GET /documents/{document_id}/tei gives it). Required by GetRecord, ListIdentifiers and "
                    + "ListRecords.", example = "oai_dc",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"oai_dc", "tei"}))
            @QueryParam("metadataPrefix") String metadataPrefix,
            @Parameter(description = "An item, `oai:<repository identifier>:<document id>` (GetRecord, "
                    + "ListMetadataFormats).", example = "oai:fonds.example.org:0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")
            @QueryParam("identifier") String identifier,
            @Parameter(description = "Records changed from this UTC datestamp on (`YYYY-MM-DD` or "
                    + "`YYYY-MM-DDThh:mm:ssZ`).", example = "2026-01-01")
            @QueryParam("from") String from,
            @Parameter(description = "Records changed until this UTC datestamp (inclusive; the same granularity "
                    + "as `from`).", example = "2099-12-31")
            @QueryParam("until") String until,
            @Parameter(description = "Only the records of this set: a collection's id (ListSets lists them).",
                    example = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")
            @QueryParam("set") String set,
            @Parameter(description = "The token of the previous page of a list; an exclusive argument.")
            @QueryParam("resumptionToken") String resumptionToken) {
        return respond(uri.getQueryParameters());
    }

    /** A harvest is a read, whatever its method: anonymous harvesters may POST (WriteAccessFilter). */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MEDIA_TYPE)
    @Operation(operationId = "oaiPmhPost", summary = "OAI-PMH 2.0 requests, as a form",
            description = "The same requests as GET /oai, their arguments in an "
                    + "`application/x-www-form-urlencoded` body, as the protocol allows.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, example = "verb=Identify")))
    @APIResponse(responseCode = "200", description = "An OAI-PMH response, an error condition included.",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public String post(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        try {
            // read here rather than by the JAX-RS form reader, which answers a malformed escape with a 500
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    form.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return protocol.unreadable(uri.getBaseUri() + "oai", "The form body is not URL-encoded: "
                    + e.getMessage());
        }
        return respond(form);
    }

    private String respond(MultivaluedMap<String, String> arguments) {
        String base = uri.getBaseUri().toString();
        return protocol.respond(arguments, base + "oai", base, caller.role());
    }
}
