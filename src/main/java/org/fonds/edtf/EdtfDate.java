package org.fonds.edtf;

import java.time.LocalDate;

/**
 * A parsed EDTF (ISO 8601-2, Library of Congress EDTF levels 0 and 1) value with the days it can denote.
 *
 * @param value       the EDTF string as given
 * @param earliest    first day the value can denote; null for an open or unknown start
 * @param latest      last day the value can denote; null for an open or unknown end
 * @param uncertain   a {@code ?} or {@code %} qualifier is present
 * @param approximate a {@code ~} or {@code %} qualifier is present
 * @param interval    the value is an interval ({@code a/b})
 * @param level       the EDTF conformance level the value needs (0 or 1)
 */
public record EdtfDate(String value, LocalDate earliest, LocalDate latest, boolean uncertain, boolean approximate,
        boolean interval, int level) {
}
