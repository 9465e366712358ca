package org.fonds.name;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The match key of a name: the form in which name variants are stored for search ({@code match_key} of agent_name
 * and place_name) and to which a query is brought before it is compared with them. Two spellings that a reader
 * would take for the same name get the same key, or keys that differ by a letter or two, which trigram similarity
 * then bridges:
 * <ol>
 * <li>lower case (root locale);</li>
 * <li>Cyrillic romanised with {@link #CYRILLIC}, so that Штыков is shtykov and meets the English variant Shtykov;</li>
 * <li>diacritics removed (canonical decomposition, combining marks dropped, recomposed: ŏ is o, and Hangul syllables
 *     stay syllables), plus the few letters that do not decompose (ł, ø, ß …);</li>
 * <li>apostrophes and their look-alikes (' ’ ‘ ʼ ʹ ʻ ` ´) dropped inside words, so Vasil’yev is vasilyev;</li>
 * <li>every other run of characters that are not letters or digits (spaces, hyphens, dots, commas) one space, and
 *     none at either end: "Pak Hon-yong" and "Pak Hon Yong" are both {@code pak hon yong}.</li>
 * </ol>
 * Keys contain only letters, digits and single spaces, so they need no escaping in LIKE patterns. This class is
 * the only implementation: rows get their key when they are written ({@link NameVariantRow}), the migration
 * {@code db.migration.V6_1__Backfill_name_match_keys} keyed the rows that existed before, and the search services
 * key the query. Changing the rules means a new migration that re-keys every row.
 */
public final class NameKey {

    /**
     * Russian Cyrillic to Latin, after BGN/PCGN 1947 simplified for matching: no diacritics or apostrophes (ь and ъ
     * vanish, ё is e), and е is "ye" at the start of a word and after a vowel, ь or ъ (Васильев → vasilyev,
     * Ельцин → yeltsin), else "e" (Пхеньян → pkhenyan). A hand-written table because no maintained Java library
     * offers a BGN/PCGN-like romanisation (ICU's Russian-Latin/BGN transform needs the 13 MB icu4j, and its output
     * keeps the diacritics and apostrophes this key removes anyway). The letters of Ukrainian and Belarusian that
     * Russian lacks are added in the same spirit (і ї є ґ ў). Capitals are lowered before the table is applied.
     */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"),
            // Ukrainian and Belarusian
            Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"), Map.entry('ґ', "g"), Map.entry('ў', "w"));

    /** Cyrillic vowels, after which (as after ь and ъ) е and ё are written "ye". */
    private static final String CYRILLIC_VOWELS = "аеёиоуыэюяіїєьъ";

    /** Latin letters without a canonical decomposition, as unaccent folds them. */
    private static final Map<Character, String> UNDECOMPOSED = Map.of(
            'ł', "l", 'ø', "o", 'đ', "d", 'ß', "ss", 'æ', "ae", 'œ', "oe", 'ı', "i", 'þ', "th", 'ħ', "h");

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u0027\\u2019\\u2018\\u02BC\\u02B9\\u02BB\\u0060\\u00B4]");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameKey() {
    }

    /** The key of a name or query; empty when it has no letter or digit. */
    public static String of(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String romanised = romanise(lower);
        String plain = COMBINING_MARKS.matcher(Normalizer.normalize(romanised, Normalizer.Form.NFD)).replaceAll("");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFC);
        String unapostrophed = APOSTROPHES.matcher(plain).replaceAll("");
        return SEPARATORS.matcher(unapostrophed).replaceAll(" ").strip();
    }

    private static String romanise(String lower) {
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String latin = CYRILLIC.get(c);
            if (latin == null) {
                latin = UNDECOMPOSED.get(c);
            }
            if (latin == null) {
                out.append(c);
            } else if ((c == 'е' || c == 'ё') && (i == 0 || !Character.isLetter(lower.charAt(i - 1))
                    || CYRILLIC_VOWELS.indexOf(lower.charAt(i - 1)) >= 0)) {
                out.append("ye");
            } else {
                out.append(latin);
            }
        }
        return out.toString();
    }
}
