package org.fonds.document;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.fonds.http.ProblemException;

/** What GET /documents/{document_id} can embed, named in its `embed` parameter: `embed=texts,participants`. */
public enum Embed {
    TEXTS, PARTICIPANTS, LINKS, MEDIA, ANNOTATIONS;

    public static Set<Embed> parse(String value) {
        Set<Embed> embeds = EnumSet.noneOf(Embed.class);
        if (value == null || value.isBlank()) {
            return embeds;
        }
        String[] parts = value.split(",");
        if (parts.length > values().length + 1) {
            throw ProblemException.invalidParameter("embed", "names at most " + (values().length + 1) + " values "
                    + "(texts, participants, links, media, annotations, all)");
        }
        for (String part : parts) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.equals("ALL")) {
                return EnumSet.allOf(Embed.class);
            }
            try {
                embeds.add(Embed.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("embed", "'" + part.strip() + "' is not one of texts, "
                        + "participants, links, media, annotations, all");
            }
        }
        return embeds;
    }
}
