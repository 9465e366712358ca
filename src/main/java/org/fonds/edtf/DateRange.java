package org.fonds.edtf;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The days an EDTF value can denote, as every resource with a date returns it. */
@Schema(name = "DateRange", description = "The days an EDTF date can denote; null ends are open or unknown.")
public record DateRange(
        @Schema(nullable = true, required = true, examples = "1950-05-30") LocalDate earliest,
        @Schema(nullable = true, required = true, examples = "1950-05-30") LocalDate latest,
        @Schema(required = true, description = "The date carries a ? or % qualifier.") boolean uncertain,
        @Schema(required = true, description = "The date carries a ~ or % qualifier.") boolean approximate) {

    /** The range of an EDTF value, or null for null. */
    public static DateRange of(String edtf) {
        if (edtf == null) {
            return null;
        }
        EdtfDate d = Edtf.parse(edtf);
        return new DateRange(d.earliest(), d.latest(), d.uncertain(), d.approximate());
    }
}
