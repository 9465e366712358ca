package org.fonds.edtf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses EDTF levels 0 and 1 (https://www.loc.gov/standards/datetime/).
 *
 * <p>Written by hand: no maintained Java library implements EDTF; the grammar of these two levels is small.
 * Supported: {@code 1950}, {@code 1950-05}, {@code 1950-05-30}, date-times {@code 1950-05-30T13:40:00Z},
 * {@code 1950-05-30T13:40+09:00} (seconds optional), intervals {@code 1950-06-08/1950-06-10}, qualifiers
 * {@code ?} (uncertain), {@code ~} (approximate), {@code %} (both), unspecified digits {@code 195X},
 * {@code 19XX}, {@code 1950-XX}, {@code 1950-05-XX}, {@code 1950-XX-XX}, seasons {@code 1950-21..24},
 * negative years {@code -0044}, long years {@code Y170000002}, open ({@code ..}) and unknown (empty) interval ends.
 * Earliest and latest days use the date as written (a date-time's local date, not converted to UTC).
 */
public final class Edtf {

    private static final int MAX_LENGTH = 100;
    private static final Pattern DATE = Pattern.compile(
            "(?<year>-?[0-9]{2}[0-9X]{2}|Y-?[1-9][0-9]{4,8})(?:-(?<month>[0-9X]{2})(?:-(?<day>[0-9X]{2}))?)?(?<q>[?~%])?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?<h>[0-9]{2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2}))?"
                    + "(?<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?");
    /** PostgreSQL's date type stops at 4713 BC and 5874897 AD; Fonds stores the earliest/latest days as dates. */
    private static final int MIN_YEAR = -4712;
    private static final int MAX_YEAR = 5_874_896;

    private Edtf() {
    }

    public static EdtfDate parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new EdtfException("an EDTF date must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new EdtfException("an EDTF date is at most " + MAX_LENGTH + " characters long");
        }
        if (!value.strip().equals(value)) {
            throw new EdtfException("'" + value + "' has leading or trailing spaces");
        }
        int slash = value.indexOf('/');
        if (slash >= 0) {
            return interval(value, value.substring(0, slash), value.substring(slash + 1));
        }
        if (value.indexOf('T') >= 0) {
            return dateTime(value);
        }
        Single d = single(value, value);
        return new EdtfDate(value, d.earliest, d.latest, d.uncertain, d.approximate, false, d.level);
    }

    /**
     * A calendar date at year, month or day precision as ISO 8601 and XML Schema write it ({@code YYYY},
     * {@code YYYY-MM}, {@code YYYY-MM-DD}): the EDTF values that TEI's {@code @when}, CMIF's dates and BibTeX's year
     * and month take as they are. A season ({@code 1950-22}) is not a month. Group 1 is the year, group 2 the month.
     */
    public static final Pattern PLAIN_DATE =
            Pattern.compile("([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?");

    /** True when {@code value} is valid EDTF at level 0 or 1. */
    public static boolean isValid(String value) {
        try {
            parse(value);
            return true;
        } catch (EdtfException e) {
            return false;
        }
    }

    private static EdtfDate interval(String value, String start, String end) {
        if (end.indexOf('/') >= 0) {
            throw new EdtfException("'" + value + "' has more than one '/'; an interval is start/end");
        }
        if (start.isEmpty() && end.isEmpty()) {
            throw new EdtfException("'" + value + "' has neither a start nor an end");
        }
        if (start.equals("..") && end.equals("..")) {
            throw new EdtfException("'" + value + "' is open at both ends");
        }
        if (start.indexOf('T') >= 0 || end.indexOf('T') >= 0) {
            throw new EdtfException("'" + value + "': interval ends must be dates, not date-times");
        }
        Single a = open(start) ? null : single(value, start);
        Single b = open(end) ? null : single(value, end);
        if (a != null && b != null && a.earliest.isAfter(b.latest)) {
            throw new EdtfException("'" + value + "': the interval ends (" + end + ") before it starts (" + start + ")");
        }
        int level = Math.max(a == null ? 1 : a.level, b == null ? 1 : b.level);
        boolean uncertain = a != null && a.uncertain || b != null && b.uncertain;
        boolean approximate = a != null && a.approximate || b != null && b.approximate;
        return new EdtfDate(value, a == null ? null : a.earliest, b == null ? null : b.latest, uncertain, approximate,
                true, level);
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static EdtfDate dateTime(String value) {
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            throw new EdtfException("'" + value + "' is not a valid EDTF date-time; expected YYYY-MM-DDThh:mm[:ss] "
                    + "with an optional Z or ±hh:mm offset, e.g. 1950-05-30T13:40+09:00");
        }
        Single d = single(value, m.group("date"));
        int h = Integer.parseInt(m.group("h"));
        int min = Integer.parseInt(m.group("m"));
        int s = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        if (h > 23 || min > 59 || s > 59) {
            throw new EdtfException("'" + value + "' has an invalid time of day");
        }
        String tz = m.group("tz");
        if (tz != null && !tz.equals("Z")) {
            String digits = tz.substring(1).replace(":", "");
            int oh = Integer.parseInt(digits.substring(0, 2));
            int om = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            if (oh > 14 || om > 59) {
                throw new EdtfException("'" + value + "' has an invalid UTC offset " + tz);
            }
        }
        return new EdtfDate(value, d.earliest, d.latest, false, false, false, 0);
    }

    private record Single(LocalDate earliest, LocalDate latest, boolean uncertain, boolean approximate, int level) {
    }

    private static Single single(String whole, String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new EdtfException("'" + whole + "' is not a valid EDTF date" + (whole.equals(text) ? "" : " ('" + text
                    + "')") + "; expected forms such as 1950, 1950-05, 1950-05-30, 1950-05?, 1950-05~, 195X, "
                    + "1950-06-08/1950-06-10 or 1950-05-30T13:40+09:00");
        }
        String q = m.group("q");
        boolean uncertain = "?".equals(q) || "%".equals(q);
        boolean approximate = "~".equals(q) || "%".equals(q);
        int level = q != null ? 1 : 0;
        String yearText = m.group("year");
        String monthText = m.group("month");
        String dayText = m.group("day");

        int yearLow;
        int yearHigh;
        if (yearText.startsWith("Y")) {
            yearLow = yearHigh = Integer.parseInt(yearText.substring(1));
            level = 1;
            if (monthText != null) {
                throw new EdtfException("'" + whole + "': a Y-prefixed year takes no month or day");
            }
        } else {
            boolean negative = yearText.startsWith("-");
            String digits = negative ? yearText.substring(1) : yearText;
            int xs = digits.length() - digits.replace("X", "").length();
            if (xs > 0) {
                if (negative) {
                    throw new EdtfException("'" + whole + "': unspecified digits (X) are not supported in negative years");
                }
                if (xs > 2 || !digits.endsWith("X".repeat(xs))) {
                    throw new EdtfException("'" + whole + "': only the last one or two digits of a year can be "
                            + "unspecified (195X, 19XX)");
                }
                level = 1;
                String base = digits.substring(0, 4 - xs);
                yearLow = Integer.parseInt(base + "0".repeat(xs));
                yearHigh = Integer.parseInt(base + "9".repeat(xs));
                if (monthText != null && !monthText.equals("XX") || dayText != null && !dayText.equals("XX")) {
                    throw new EdtfException("'" + whole + "': a year with unspecified digits cannot have a known "
                            + "month or day");
                }
            } else {
                yearLow = yearHigh = Integer.parseInt(digits) * (negative ? -1 : 1);
                if (negative) {
                    level = 1;
                }
            }
        }
        if (yearLow < MIN_YEAR || yearHigh > MAX_YEAR) {
            throw new EdtfException("'" + whole + "': the year is outside the supported range " + MIN_YEAR + " to "
                    + MAX_YEAR);
        }

        try {
            if (monthText == null) {
                return new Single(LocalDate.of(yearLow, 1, 1), LocalDate.of(yearHigh, 12, 31), uncertain, approximate,
                        level);
            }
            if (monthText.equals("XX")) {
                if (dayText != null && !dayText.equals("XX")) {
                    throw new EdtfException("'" + whole + "': a day cannot be known when the month is unspecified");
                }
                return new Single(LocalDate.of(yearLow, 1, 1), LocalDate.of(yearHigh, 12, 31), uncertain, approximate, 1);
            }
            if (monthText.indexOf('X') >= 0) {
                throw new EdtfException("'" + whole + "': a month is either known (05) or unspecified (XX)");
            }
            int month = Integer.parseInt(monthText);
            if (month >= 21 && month <= 24) {
                if (dayText != null) {
                    throw new EdtfException("'" + whole + "': a season (21-24) takes no day");
                }
                return season(whole, yearLow, month, uncertain, approximate);
            }
            if (month < 1 || month > 12) {
                throw new EdtfException("'" + whole + "': month " + monthText + " does not exist (01-12, or 21-24 for "
                        + "seasons)");
            }
            YearMonth ym = YearMonth.of(yearLow, month);
            if (dayText == null || dayText.equals("XX")) {
                return new Single(ym.atDay(1), ym.atEndOfMonth(), uncertain, approximate,
                        dayText == null ? level : 1);
            }
            if (dayText.indexOf('X') >= 0) {
                throw new EdtfException("'" + whole + "': a day is either known (30) or unspecified (XX)");
            }
            int day = Integer.parseInt(dayText);
            if (day < 1 || day > ym.lengthOfMonth()) {
                throw new EdtfException("'" + whole + "': " + ym + " has no day " + dayText);
            }
            LocalDate date = ym.atDay(day);
            return new Single(date, date, uncertain, approximate, level);
        } catch (DateTimeException e) {
            throw new EdtfException("'" + whole + "' is not a valid date: " + e.getMessage());
        }
    }

    private static Single season(String whole, int year, int season, boolean uncertain, boolean approximate) {
        // Northern-hemisphere meteorological seasons: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb.
        int startMonth = switch (season) {
            case 21 -> 3;
            case 22 -> 6;
            case 23 -> 9;
            default -> 12;
        };
        YearMonth start = YearMonth.of(year, startMonth);
        YearMonth end = start.plusMonths(2);
        return new Single(start.atDay(1), end.atEndOfMonth(), uncertain, approximate, 1);
    }
}
