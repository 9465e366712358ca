package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keys the name variants stored before V6, then makes {@code match_key} NOT NULL. Runs after V6; an empty database
 * (tests, a first start) only gets the constraint.
 *
 * <p>A migration is history: it must do on a new database exactly what it did when it was written. So the match-key
 * rules are frozen here as {@code org.fonds.name.NameKey} had them in V6 (commit a1f39a4), not called from the live
 * class, which may change (and then needs a new migration that re-keys every row). NameSearchMigrationTest runs
 * it on seed names and compares its keys with NameKey's: it fails the day NameKey changes without such a migration.
 */
public class V6_1__Backfill_name_match_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        for (String table : new String[] {"agent_name", "place_name"}) {
            try (Statement select = context.getConnection().createStatement();
                    PreparedStatement update = context.getConnection()
                            .prepareStatement("UPDATE " + table + " SET match_key = ? WHERE id = ?")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery("SELECT id, value FROM " + table + " WHERE match_key IS NULL")) {
                    int pending = 0;
                    while (rows.next()) {
                        update.setString(1, key(rows.getString(2)));
                        update.setObject(2, rows.getObject(1));
                        update.addBatch();
                        if (++pending == 1000) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        update.executeBatch();
                    }
                }
            }
            try (Statement alter = context.getConnection().createStatement()) {
                alter.execute("ALTER TABLE " + table + " ALTER COLUMN match_key SET NOT NULL");
            }
        }
    }

    // ---- NameKey as of V6 (frozen copy; do not edit) ----

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

    /** The key of a name, as NameKey computed it in V6. */
    static String key(String name) {
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
