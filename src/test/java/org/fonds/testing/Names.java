package org.fonds.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Name variants and unique tokens for the builders and tests of named resources (agents, places). */
public final class Names {

    private static final String CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя";

    private Names() {
    }

    /** A name variant as the API takes it; null fields are left out. */
    public static Map<String, Object> variant(String value, String language, String transliteration, boolean preferred) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("value", value);
        if (language != null) {
            name.put("language", language);
        }
        if (transliteration != null) {
            name.put("transliteration", transliteration);
        }
        if (preferred) {
            name.put("preferred", true);
        }
        return name;
    }

    /** Eight random lower-case Cyrillic letters: a name part no other test uses, to filter on. */
    public static String cyrillicToken() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            token.append(CYRILLIC.charAt(ThreadLocalRandom.current().nextInt(CYRILLIC.length())));
        }
        return token.toString();
    }

    /** Eight random lower-case Latin letters: a name part no other test uses, to filter on. */
    public static String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }

    /** A Wikidata-looking item id no other test uses (not a real item's id, for tests only). */
    public static String wikidataId() {
        return "Q" + (900_000_000L + ThreadLocalRandom.current().nextLong(99_000_000L));
    }
}
