package org.fonds.citation;

import static org.fonds.citation.Representations.BIBTEX;
import static org.fonds.citation.Representations.CSL_JSON;
import static org.fonds.citation.Representations.FOLLOWS;
import static org.fonds.citation.Representations.JSON_LD;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.document.Pages;
import org.fonds.http.ConditionalReads;
import org.fonds.http.ProblemException;

/**
 * A document cited: as CSL-JSON, in a CSL style, as BibTeX and as schema.org JSON-LD. Each citation format is a sub-resource of the document's URL ({@code /csl},
 * {@code /citation}, {@code /bibtex}, {@code /schema-org}), not a negotiation on the document itself, whose JSON the
 * document feature owns: a link to one format is a plain URL, and every format has its own operation and media type
 * in the spec. Each is computed on request from the document as its embedded view shows it (a hidden document is 404
 * here too); its ETag derives from that view's ETag, the versions of the agents and place it names, and the format
 * ({@link Representations}). The class's path is the documents' own, which Quarkus REST merges with {@code
 * DocumentResource}'s: at the document's path ({@code /documents/{document_id}}) a GET of the document found this class
 * first, had no method here and matched again from the start, building its request mapper anew for every request (a
 * tenth of a cached document's CPU in a profile, issue 13).
 */
@Tag(name = "Citations", description = "A document as CSL-JSON, formatted in any CSL style (Chicago by default), as "
        + "BibTeX and as schema.org JSON-LD: read-only views computed on request.")
@Path("/documents")
public class CitationResource {

    @Inject
    CitationService service;

    @GET
    @Path("{document_id}/csl")
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    @Produces(CSL_JSON)
    @Operation(operationId = "getDocumentCsl", summary = "Get a document as CSL-JSON",
            description = "The document as a CSL-JSON item (CSL 1.0.2 input schema; an array of one item, as the "
                    + "format requires), for reference managers (Zotero, citeproc-js, pandoc). Cables and letters are "
                    + "`personal_communication` (CSL has no `letter`), other archival records `manuscript`, "
                    + "photographs `graphic`; the kind as written (else the kind) is the `genre`. Senders (else authors, else signatories) are "
                    + "`author`, recipients `recipient`, credited translators and editors `translator` and `editor`; "
                    + "a person's name is split into `family` and `given` only where one of its recorded forms shows "
                    + "the split, else it is a `literal`. The EDTF date becomes `date-parts` (an interval two), with "
                    + "`circa` for `~`, `?` and `%`, `season` for seasons, and a `literal` for open intervals. The "
                    + "source becomes `archive`, `archive_collection` and `archive_location` (fond, opis, delo, "
                    + "papka, listy, else the free citation); `URL` is the document's URL in Fonds. A document "
                    + "printed in an edition whose page breaks its text records (a FRUS volume) has the edition as "
                    + "`container-title` and the pages it is on as `page`.")
    @APIResponse(responseCode = "200", description = "The CSL-JSON item.",
            content = @Content(mediaType = CSL_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class, minItems = 1, maxItems = 1),
                    examples = @ExampleObject(name = "cable", value = "[{\"id\": "
                    + "\"0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\", \"type\": \"personal_communication\", \"title\": "
                    + "\"Ciphered telegram from Shtykov to Vyshinsky\", \"author\": [{\"family\": \"Shtykov\", "
                    + "\"given\": \"Terentii\"}], \"recipient\": [{\"family\": \"Vyshinsky\", \"given\": \"Andrei\"}], "
                    + "\"translator\": [{\"literal\": \"Kathryn Weathersby\"}], \"issued\": {\"date-parts\": "
                    + "[[1950, 5, 30]]}, \"genre\": \"Cable\", \"archive\": \"Archive of the President of the Russian "
                    + "Federation (APRF)\", \"archive_location\": \"Fond 45, Opis 1, Delo 346, Listy 104-107\", "
                    + "\"language\": \"ru\", \"URL\": \"https://fonds.example.org/documents/"
                    + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\"}]")))
    public Response csl(@PathParam("document_id") UUID documentId,
            @Context UriInfo uri, @Context Request request) {
        return Representations.answer(request, service.read(documentId, uri.getBaseUri()), "csl", CSL_JSON,
                cited -> Representations.json(CslJson.items(cited)));
    }

    @GET
    @Path("{document_id}/citation")
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDocumentCitation", summary = "Cite a document in a CSL style",
            description = "The document's CSL-JSON item formatted by citeproc-java in a style of the Citation Style "
                    + "Language repository (bundled; `GET /citation-styles` lists their ids): the citation (a "
                    + "footnote in note styles) and the bibliography entry. Chicago notes-bibliography (18th "
                    + "edition) by default; its old id `chicago-note-bibliography` is accepted. An unknown style is a "
                    + "400 problem that says where the valid ids are listed. With `text_id`, `start` or `end` (any of "
                    + "them; the others default to the document's first text, its start and its end) it cites a "
                    + "passage: the citation names the pages the passage is on (`pages`), those of the printed "
                    + "edition whose page breaks the text records (a FRUS volume's), else the original's.")
    @APIResponse(responseCode = "200", description = "The formatted citation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FormattedCitation.class)))
    public Response citation(@PathParam("document_id") UUID documentId,
            @Parameter(description = "The CSL style's id, as `GET /citation-styles` lists them.",
                    example = Styles.DEFAULT) @QueryParam("style") @DefaultValue(Styles.DEFAULT) String style,
            @Parameter(description = "Plain text (the default), or HTML.") @QueryParam("format")
            CitationFormat format,
            @Parameter(description = "To cite a passage: the text it is in (by default the document's first).")
            @QueryParam("text_id") UUID textId,
            @Parameter(description = "To cite a passage: its first character's offset in the text (by default 0).")
            @QueryParam("start") @Min(0) Integer start,
            @Parameter(description = "To cite a passage: the offset after its last character (by default the "
                    + "text's end).")
            @QueryParam("end") @Min(0) Integer end,
            @Context UriInfo uri, @Context Request request) {
        String id = Styles.require(style);
        CitationFormat as = format == null ? CitationFormat.TEXT : format;
        if (start != null && end != null && end < start) {
            throw ProblemException.invalidParameter("end", "must not be before start");
        }
        CitedDocument cited = service.read(documentId, uri.getBaseUri());
        boolean passage = textId != null || start != null || end != null;
        String key = passage ? "/" + textId + "/" + start + "-" + end : "";
        return Representations.conditional(request, Representations.tag(cited, id + "/" + as + key),
                MediaType.APPLICATION_JSON, () -> {
                    String pages = passage ? passagePages(cited, textId, start, end) : null;
                    Styles.Formatted f = Styles.format(CslJson.item(cited), id, as.citeproc(), pages);
                    return new FormattedCitation(id, as, f.citation(), f.bibliography(), pages);
                });
    }

    /**
     * The pages a passage is on: of the first printed edition whose pages the text records, else of the original;
     * null when the text records no page break before it. A text the document does not have, or a passage outside
     * the text, is a 400.
     */
    private static String passagePages(CitedDocument cited, UUID textId, Integer start, Integer end) {
        var d = cited.document();
        var text = d.texts().stream().filter(t -> textId == null || t.id().equals(textId)).findFirst()
                .orElseThrow(() -> ProblemException.invalidParameter("text_id", textId == null
                        ? "the document has no text to cite a passage of" : "the document has no text " + textId));
        int length = text.content().length();
        int from = start == null ? 0 : start;
        int to = end == null ? length : end;
        if (to > length || from > to) {
            throw ProblemException.invalidParameter(to > length ? "end" : "start", "the passage " + from + "-" + to
                    + " is not inside the text (" + length + " characters)");
        }
        List<String> editions = new java.util.ArrayList<>(Pages.editions(d).keySet());
        editions.add(null); // the original's pages last
        for (String edition : editions) {
            var span = Pages.span(d, text.id(), edition, from, to);
            if (span.isPresent() && span.get().first() != null) {
                return span.get().range();
            }
        }
        return null;
    }

    @GET
    @Path("{document_id}/bibtex")
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    @Produces(BIBTEX)
    @Operation(operationId = "getDocumentBibtex", summary = "Get a document as BibTeX",
            description = "The document as one BibTeX entry for biblatex (UTF-8; `date` in EDTF, which biblatex "
                    + "reads) that BibTeX also reads (`year`, `month`): `@unpublished` for archival records, `@misc` "
                    + "for photographs and articles, with author, title, type, translator, editor, recipient, "
                    + "location, the archive in `howpublished` and the document's URL in Fonds.")
    @APIResponse(responseCode = "200", description = "The BibTeX entry.",
            content = @Content(mediaType = BIBTEX, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "cable", value = "@unpublished{shtykov1950-0193a5b2,\n"
                            + "  author = {Shtykov, Terentii},\n  title = {{Ciphered telegram from Shtykov to "
                            + "Vyshinsky}},\n  date = {1950-05-30},\n  year = {1950},\n  month = may,\n"
                            + "  type = {Cable},\n  url = {https://fonds.example.org/documents/"
                            + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b}\n}\n")))
    public Response bibtex(@PathParam("document_id") UUID documentId,
            @Context UriInfo uri, @Context Request request) {
        return Representations.answer(request, service.read(documentId, uri.getBaseUri()), "bibtex",
                BIBTEX + ";charset=UTF-8", BibTex::entry);
    }

    @GET
    @Path("{document_id}/schema-org")
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    @Produces(JSON_LD)
    @Operation(operationId = "getDocumentSchemaOrg", summary = "Get a document as schema.org JSON-LD",
            description = "The document as schema.org JSON-LD for search engines and catalogues: an "
                    + "`ArchiveComponent` (a cable or letter also a `Message`, with `sender`, `recipient` and "
                    + "`dateSent`; other records with `author`) held by the `ArchiveOrganization` its source names "
                    + "(`holdingArchive`: the repository, else the collection) at the archival unit "
                    + "(`itemLocation`), with `dateCreated` (or `temporalCoverage` when the EDTF date is not an ISO "
                    + "date), `locationCreated`, `inLanguage`, translators, editors and the Fonds collections it is "
                    + "part of. Agents, places and collections carry their Fonds URLs as `@id`.")
    @APIResponse(responseCode = "200", description = "The JSON-LD document.",
            content = @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "cable", value = "{\"@context\": \"https://schema.org\", "
                            + "\"@type\": [\"ArchiveComponent\", \"Message\"], \"@id\": \"https://fonds.example.org/"
                            + "documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\", \"name\": \"Ciphered telegram from "
                            + "Shtykov to Vyshinsky\", \"dateCreated\": \"1950-05-30\", \"sender\": [{\"@type\": "
                            + "\"Person\", \"name\": \"Terentii Shtykov\"}], \"recipient\": [{\"@type\": "
                            + "\"Person\", \"name\": \"Andrei Vyshinsky\"}], \"holdingArchive\": {\"@type\": "
                            + "\"ArchiveOrganization\", \"name\": \"Archive of the President of the Russian "
                            + "Federation (APRF)\"}, \"itemLocation\": \"Fond 45, Opis 1, Delo 346, Listy "
                            + "104-107\"}")))
    public Response schemaOrg(@PathParam("document_id") UUID documentId,
            @Context UriInfo uri, @Context Request request) {
        return Representations.answer(request, service.read(documentId, uri.getBaseUri()), "schema-org", JSON_LD,
                cited -> Representations.json(SchemaOrg.document(cited)));
    }
}
