package org.fonds.date;

import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.edtf.EdtfException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.fonds.http.ProblemException;

/**
 * Days from {@code first} to {@code last}, both included; a null end is open. Parsed from a day, month or year as a
 * query parameter gives it (1950-06-08, 1950-06, 1950).
 */
record Period(LocalDate first, LocalDate last) {

    static final String PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
    private static final Pattern FORM = Pattern.compile(PATTERN);

    /** The period of a parameter's value, null for null, or a 400 problem naming the parameter. */
    static Period parse(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!FORM.matcher(value).matches()) {
            throw ProblemException.invalidParameter(parameter,
                    "must be a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)");
        }
        try {
            EdtfDate date = Edtf.parse(value);
            return new Period(date.earliest(), date.latest());
        } catch (EdtfException e) {
            throw ProblemException.invalidParameter(parameter, e.getMessage());
        }
    }
}
