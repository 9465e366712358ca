package org.fonds.citation;

import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/**
 * A name as citations need it: split into family and given name only where Fonds knows the split, else literal.
 * Fonds stores names whole ("Terentii Shtykov", "Kim Il Sung"); guessing that the last word is the family name would
 * be wrong for East Asian names, so a person's name is split only when one of its forms shows the split: a form
 * "Family, Given", or a form that is the last word alone (the cable writes "Shtykov" and "VYSHINSKY").
 *
 * @param agentId the agent, when the name is one's (its URL goes into the schema.org view)
 * @param person  whether the agent is a person (schema.org Person rather than Organization)
 */
record CitedName(String family, String given, String literal, UUID agentId, boolean person) {

    static CitedName literal(String name, UUID agentId, boolean person) {
        return new CitedName(null, null, name, agentId, person);
    }

    /** A person's name, split when one of {@code forms} (other forms of it, as written or recorded) shows how. */
    static CitedName person(String name, Collection<String> forms, UUID agentId) {
        String trimmed = name.strip();
        int comma = trimmed.indexOf(',');
        if (comma > 0 && comma < trimmed.length() - 1) {
            return new CitedName(trimmed.substring(0, comma).strip(), trimmed.substring(comma + 1).strip(), null,
                    agentId, true);
        }
        int space = trimmed.lastIndexOf(' ');
        if (space > 0) {
            String last = trimmed.substring(space + 1);
            String first = trimmed.substring(0, space).strip();
            for (String form : forms) {
                String f = form == null ? "" : form.strip();
                if (f.equalsIgnoreCase(last) || f.toLowerCase(Locale.ROOT).startsWith(last.toLowerCase(Locale.ROOT)
                        + ",")) {
                    return new CitedName(last, first, null, agentId, true);
                }
            }
        }
        return literal(trimmed, agentId, true);
    }

    /** The name in reading order: "Terentii Shtykov". */
    String display() {
        return literal != null ? literal : given + " " + family;
    }
}
