package org.fonds.name;

import java.util.regex.Pattern;

/** Authority files whose identifiers Fonds records, each with the form its identifiers take. */
public enum IdentifierScheme {
    /** A Wikidata item: Q and a number. */
    WIKIDATA("Q[1-9][0-9]*", "must be a Wikidata item id: Q and a number, such as Q5816"),
    /** Virtual International Authority File: digits. */
    VIAF("[1-9][0-9]{1,21}", "must be a VIAF id: digits"),
    /** Gemeinsame Normdatei (the form Wikidata checks for property P227). */
    GND("1[012]?[0-9]{7}[0-9X]|[47][0-9]{6}-[0-9]|[1-9][0-9]{0,7}-[0-9X]|3[0-9]{7}[0-9X]",
            "must be a GND id: digits ending in a check digit or X, before it a hyphen for older ids"),
    /** Library of Congress Name Authority File: a prefix and 8 or 10 digits. */
    LCNAF("(n|nb|no|nr|ns|sh|gf|sj)([0-9]{8}|[0-9]{10})",
            "must be a Library of Congress name authority id: n, nb, no, nr, ns, sh, gf or sj and 8 or 10 digits"),
    /** ORCID iD: four groups of four, the last character an ISO 7064 MOD 11-2 check digit. */
    ORCID("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]", "must be an ORCID iD with a valid check digit, such as "
            + "0000-0002-1825-0097"),
    /** GeoNames feature id (places): digits. */
    GEONAMES("[1-9][0-9]{0,9}", "must be a GeoNames id: digits, such as 1871859"),
    OTHER(".+", "must not be empty");

    private final Pattern pattern;
    private final String expectation;

    IdentifierScheme(String pattern, String expectation) {
        this.pattern = Pattern.compile(pattern);
        this.expectation = expectation;
    }

    public boolean accepts(String value) {
        return pattern.matcher(value).matches() && (this != ORCID || orcidChecksumHolds(value));
    }

    /** What a value of this scheme must look like, as a validation message. */
    public String expectation() {
        return expectation;
    }

    private static boolean orcidChecksumHolds(String id) {
        String digits = id.replace("-", "");
        int total = 0;
        for (int i = 0; i < digits.length() - 1; i++) {
            total = (total + digits.charAt(i) - '0') * 2;
        }
        int check = (12 - total % 11) % 11;
        return digits.charAt(digits.length() - 1) == (check == 10 ? 'X' : (char) ('0' + check));
    }
}
