package org.fonds.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.ValidEdtf;
import org.fonds.shared.LanguageTag;
import org.fonds.access.Visibility;

/** The writable fields of a document: the body of POST and PUT. */
@Schema(name = "DocumentInput", description = "The writable fields of a document.")
public record DocumentInput(
        @Schema(description = "What kind of record this is.", examples = "CABLE", required = true)
        @NotNull DocumentKind kind,
        @Schema(description = "The kind as the document names itself, as written (\"Circular airgram\", "
                + "\"ciphered telegram\", \"memorandum for the President\"), beside the controlled `kind`, which "
                + "filters and facets use.", maxLength = 500, nullable = true, examples = "Ciphered telegram")
        @Size(min = 1, max = 500) String kindAsWritten,
        @Schema(description = "Title as the archive gives it.", maxLength = 500, required = true,
                examples = "Ciphered Telegram, Shtykov to Vyshinsky")
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "A short abstract.", maxLength = 10000, nullable = true,
                examples = "Shtykov reports Kim Il Sung's readiness to begin military operations at the end of June.")
        @Size(max = 10000) String summary,
        @Schema(description = "Reference numbers as written on the document.", nullable = true,
                examples = "[\"408-410\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> referenceNumbers,
        @Schema(description = "Classification marking as written.", nullable = true, maxLength = 500,
                examples = "Strictly Secret")
        @Size(max = 500) String classification,
        @Schema(description = "Precedence or handling instruction as written.", nullable = true, maxLength = 500,
                examples = "FLASH")
        @Size(max = 500) String handling,
        @Schema(description = "Original language(s) of the document, BCP 47 tags.", nullable = true,
                examples = "[\"ru\"]")
        @Size(max = 20) List<@NotNull @LanguageTag String> languages,
        @Schema(description = "The document's date in EDTF (ISO 8601-2), levels 0 and 1.", maxLength = 100,
                nullable = true, examples = "1950-05-30")
        @Size(max = 100) @ValidEdtf String date,
        @Schema(description = "Date and time of dispatch in EDTF, where known.", maxLength = 100, nullable = true,
                examples = "1950-05-30T13:40+09:00")
        @Size(max = 100) @ValidEdtf String dispatched,
        @Schema(description = "Place the document was written or sent from.", nullable = true)
        UUID placeOfOriginId,
        @Schema(nullable = true) @Valid SourceCitation source,
        @Schema(description = "Rights statement.", nullable = true, maxLength = 10000,
                examples = "Translated by Kathryn Weathersby. Wilson Center Digital Archive terms of use apply.")
        @Size(max = 10000) String rights,
        @Schema(description = "Translators, transcribers, editors and funders of this edition.", nullable = true)
        @Size(max = 50) List<@NotNull @Valid Credit> credits,
        @Schema(description = "Subjects (ids of /subjects).", nullable = true)
        @Size(max = 200) Set<@NotNull UUID> subjectIds,
        @Schema(description = "Collections the document belongs to (ids of /collections).", nullable = true)
        @Size(max = 200) Set<@NotNull UUID> collectionIds,
        @Schema(description = "Who may see the document: DRAFT (contributors and editors), PUBLISHED (everyone), "
                + "EMBARGOED (editors; everyone from `embargo_until` on), RESTRICTED (editors and administrators). "
                + "Omitted: DRAFT for a new document, unchanged otherwise. Only editors may set anything but DRAFT.",
                nullable = true, examples = "PUBLISHED")
        Visibility visibility,
        @Schema(description = "The day an EMBARGOED document becomes public; required for EMBARGOED, and only "
                + "allowed for it.", nullable = true, examples = "2030-01-01")
        LocalDate embargoUntil) {

    /** The same input without an embargo day (a merge patch away from EMBARGOED drops the old day). */
    DocumentInput withoutEmbargo() {
        return new DocumentInput(kind, kindAsWritten, title, summary, referenceNumbers, classification, handling, languages, date,
                dispatched, placeOfOriginId, source, rights, credits, subjectIds, collectionIds, visibility, null);
    }
}
