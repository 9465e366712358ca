package org.fonds.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.document.DocumentKind;
import org.fonds.http.QueryChecks;
import org.fonds.participant.ParticipantRole;

@Path("/search/documents")
@Tag(name = "Search", description = "Full-text search of documents, their texts, notes and marginalia, with facets.")
public class SearchResource {

    @Inject
    SearchService service;

    @GET
    @Operation(operationId = "searchDocuments", summary = "Search documents",
            description = "Documents whose title and summary, one of whose texts (the original and each translation, "
                    + "each analysed in its own language: English and Russian words are matched by their stems, other "
                    + "languages word for word), or one of whose notes or marginalia transcriptions match `q`. A "
                    + "document matches when one such field matches the whole query. Each hit says where it matched, "
                    + "with snippets in which the matching words are enclosed in « and ». Filters combine with AND and "
                    + "with `q`; without `q` the filters alone select the documents (sorted by DATE). The facets count "
                    + "the whole filtered match set. Sorted by RELEVANCE, pages are taken by `offset` (ranking makes "
                    + "cursors meaningless); sorted by DATE, by the `next` cursor.")
    @APIResponse(responseCode = "200", description = "A page of matching documents and the facets of all of them.")
    public SearchResults search(
            @Parameter(description = "The query, in web-search syntax: words (all must match), \"quoted phrases\", "
                    + "`or` between alternatives, `-word` or `-\"a phrase\"` to exclude the documents that have it in any "
                    + "field. At most " + SearchService.MAX_QUERY_LENGTH + " characters and "
                    + SearchService.MAX_QUERY_TERMS + " words and operators (400 beyond). Optional: leave it out to "
                    + "browse by the filters.",
                    example = "\"large subchaser\" or trawler -tank",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = SearchService.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "Only documents of this kind.") @QueryParam("kind") DocumentKind kind,
            @Parameter(description = "Only documents with this original language (BCP 47 tag, exact match).",
                    example = "ru") @QueryParam("language") String language,
            @Parameter(description = "Only documents in which this agent takes part (in `role`, when given).")
            @QueryParam("participant_id") UUID participantId,
            @Parameter(description = "Only documents with a participant in this role (of `participant_id`, when given).")
            @QueryParam("role") ParticipantRole role,
            @Parameter(description = "Start of the date range (inclusive); see `date_match`.", example = "1950-05-01")
            @QueryParam("date_from") LocalDate dateFrom,
            @Parameter(description = "End of the date range (inclusive); see `date_match`.", example = "1950-06-30")
            @QueryParam("date_to") LocalDate dateTo,
            @Parameter(description = "How a document's date must relate to `date_from`..`date_to` (either may be left "
                    + "out for an open range). OVERLAPS (default): some day its (possibly uncertain) date can denote "
                    + "lies in the range, so 1950-05? overlaps 1950-05-20..1950-05-25. WITHIN: every such day does, so "
                    + "1950-05? is not within 1950-05-20..1950-05-25 but is within 1950-05-01..1950-05-31. Undated "
                    + "documents match neither.")
            @QueryParam("date_match") DateMatch dateMatch,
            @Parameter(description = "Only documents with this subject.") @QueryParam("subject_id") UUID subjectId,
            @Parameter(description = "Only documents in this collection.") @QueryParam("collection_id") UUID collectionId,
            @Parameter(description = "Only documents with this classification (exact match).", example = "Top secret",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 500))
            @QueryParam("classification") String classification,
            @Parameter(description = "Only documents that have (true) or have not (false) a translator's note.")
            @QueryParam("has_translator_notes") Boolean hasTranslatorNotes,
            @Parameter(description = "Only documents that have (true) or have not (false) marginalia.")
            @QueryParam("has_marginalia") Boolean hasMarginalia,
            @Parameter(description = "RELEVANCE (default with `q`; best match first, then id) or DATE (default "
                    + "without `q`; by the earliest day the date can denote, then id; undated documents last).")
            @QueryParam("sort") SearchSort sort,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "sort=RELEVANCE: how many results to skip, the `next_offset` of the previous "
                    + "page.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                            maximum = "" + SearchService.MAX_OFFSET, defaultValue = "0"))
            @QueryParam("offset") Integer offset,
            @Parameter(description = "sort=DATE: the `next` cursor of the previous page.")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        QueryChecks.requireNonEmpty(uri, "q", "classification");
        return service.search(new SearchFilter(q, kind, language, participantId, role, dateFrom, dateTo, dateMatch,
                subjectId, collectionId, classification, hasTranslatorNotes, hasMarginalia), sort, limit, offset,
                cursor);
    }
}
