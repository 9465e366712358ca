package org.fonds.cmif;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;

/**
 * An EDTF date as CMIF's {@code date} attributes, which take only {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * (a rule CMIF states and its schema does not check): a plain date as {@code @when}, an interval of plain dates as
 * {@code @from}/{@code @to}, anything else (uncertain, approximate, unspecified digits, sets, a time of day) as the
 * days it can denote, {@code @when} when that is one day, {@code @notBefore}/{@code @notAfter} otherwise.
 */
public final class CmifDates {

    /** The three forms CMIF allows. */
    private static final Pattern ALLOWED = Edtf.PLAIN_DATE;

    private CmifDates() {
    }

    /** The attributes for {@code edtf}: empty when it is null, unreadable, or beyond the years 0000-9999. */
    public static Map<String, String> attributes(String edtf) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (edtf == null || edtf.isBlank()) {
            return attributes;
        }
        if (ALLOWED.matcher(edtf).matches()) {
            attributes.put("when", edtf);
            return attributes;
        }
        int slash = edtf.indexOf('/');
        if (slash > 0 && ALLOWED.matcher(edtf.substring(0, slash)).matches()
                && ALLOWED.matcher(edtf.substring(slash + 1)).matches()) {
            attributes.put("from", edtf.substring(0, slash));
            attributes.put("to", edtf.substring(slash + 1));
            return attributes;
        }
        EdtfDate parsed;
        try {
            parsed = Edtf.parse(edtf);
        } catch (IllegalArgumentException e) { // EdtfException included
            return attributes;
        }
        String earliest = day(parsed.earliest());
        String latest = day(parsed.latest());
        if (earliest != null && earliest.equals(latest)) {
            attributes.put("when", earliest);
        } else {
            if (earliest != null) {
                attributes.put("notBefore", earliest);
            }
            if (latest != null) {
                attributes.put("notAfter", latest);
            }
        }
        return attributes;
    }

    private static String day(LocalDate date) {
        if (date == null) {
            return null;
        }
        String text = date.toString();
        return ALLOWED.matcher(text).matches() ? text : null;
    }
}
