package org.fonds.transcript;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level evidence the parser weighs: English function words, the look of a transliterated term, sentence
 * ends. Hand-written: no maintained library tells a transliterated Russian or Korean word from an English one in a
 * bracket, and a dictionary would be a large resource for a small gain; these few rules are measured by the tests.
 */
final class Words {

    private Words() {
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** English words that a translator supplies or that a term never glosses (articles, pronouns, auxiliaries...). */
    static final Set<String> FUNCTION = set("a", "an", "the", "this", "that", "these", "those", "his", "her", "hers",
            "its", "their", "theirs", "our", "ours", "my", "mine", "your", "yours", "he", "she", "it", "they", "we", "i",
            "you", "him", "them", "us", "me", "who", "whom", "whose", "which", "what", "is", "are", "was", "were", "be",
            "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall",
            "should", "can", "could", "may", "might", "must", "to", "of", "in", "on", "at", "by", "for", "with", "from",
            "into", "onto", "upon", "about", "over", "under", "after", "before", "during", "since", "until", "through",
            "between", "among", "against", "without", "within", "as", "than", "and", "or", "but", "nor", "so", "if",
            "not", "no", "also", "all", "any", "some", "each", "every", "other", "such", "there", "here", "then",
            "now", "only", "very", "more", "most", "less", "one", "two", "three", "would", "that's", "it's");

    /** English words often supplied in translations, and common English words that are never glossed terms. */
    static final Set<String> COMMON = set("view", "given", "said", "stated", "army", "troops", "side", "party",
            "government", "comrade", "comrades", "people", "country", "question", "issue", "issues", "matter", "time",
            "way", "opinion", "fact", "case", "part", "order", "plan", "war", "ships", "weapons", "soviet", "korean",
            "chinese", "american", "north", "south", "korea", "union", "also", "already", "again", "further", "more",
            "new", "old", "said", "says", "say", "made", "make", "take", "taken", "give", "go", "went", "come", "came",
            "know", "known", "think", "thought", "well", "good", "great", "large", "small", "first", "second", "last",
            "year", "years", "day", "days", "month", "months", "week", "weeks", "meeting", "conversation", "leader",
            "leadership", "embassy", "ministry", "minister", "ambassador", "general", "military", "political",
            "economic", "question", "help", "aid", "assistance", "request", "answer", "reply", "letter", "telegram");

    private static final Pattern ENGLISH_SHAPE = Pattern.compile(
            ".*(ing|ed|ly|tion|tions|sion|ment|ments|ness|ful|ous|able|ible|ity|ship|ance|ence|ism|ist|ists|ive|ward"
                    + "|wards|self|selves)$|.*(th|wh|ght|ck|qu|ph|ea|oo|ou|ee|w).*");

    /** Letter groups of Russian in Latin transliteration (Library of Congress and its simplifications). */
    private static final Pattern RUSSIAN = Pattern.compile(
            ".*(kh|zh|shch|ch|ts|iy|yy|ii|iia|iya|yu|ya|yo|yi|y[ae]v|[bcdfgklmnprstvz]'[aeiouy]?).*|.*(ie|iia|iya|nik|stvo|ost|ost'|aya|oye|oe|yi"
                    + "|ii|iy|ov|ev|ik|ka|ko|ki|om|ie|ye|yy|ets|tsa|nyi|noe|naya)$");
    /** Letter groups of Korean romanisation (Revised and McCune-Reischauer). */
    private static final Pattern KOREAN = Pattern.compile(".*(eo|eu|ŏ|ŭ|ae|oe|ui|yeo|yeon|kk|tt|pp|jj|ssi|nim)"
            + ".*|.*(ng|ni|yo|da|ka|ida)$");
    /** Letter groups of Hanyu Pinyin and Wade-Giles. */
    private static final Pattern CHINESE = Pattern.compile(
            ".*([xq][iu]|zh[aeiou]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|ao|iu|ui|ou|uo|ian|iang|iong|ts'|ch'|hs).*|.*(ng|ao|ai)$");

    /** Whether the word is English on its face (function or common word, or an English shape). */
    static boolean looksEnglish(String word) {
        String w = fold(word);
        if (FUNCTION.contains(w) || COMMON.contains(w)) {
            return true;
        }
        return ENGLISH_SHAPE.matcher(w).matches() && !RUSSIAN.matcher(w).matches();
    }

    /** Whether the word has letter groups only a transliteration has (Russian kh, zh, shch, ts, a soft sign…). */
    static boolean stronglyForeign(String word) {
        String w = fold(word);
        return !COMMON.contains(w) && (RU_STRONG.matcher(w).find() || ZH_STRONG.matcher(word.toLowerCase(Locale.ROOT))
                .find() || KO_STRONG.matcher(word.toLowerCase(Locale.ROOT)).find());
    }

    /** How much the word looks like a transliterated term, 0..1. */
    static double foreignness(String word) {
        String w = fold(word);
        if (FUNCTION.contains(w) || COMMON.contains(w)) {
            return 0;
        }
        double score = 0.4;
        if (RUSSIAN.matcher(w).matches() || KOREAN.matcher(w).matches() || CHINESE.matcher(w).matches()) {
            score += 0.4;
        }
        if (ENGLISH_SHAPE.matcher(w).matches()) {
            score -= 0.3;
        }
        return Math.max(0, Math.min(1, score));
    }

    private static final Pattern RU_STRONG = Pattern.compile("shch|kh|zh(?![aeiou]ng)|[bcdfgklmnprstvz]'|iy|yy|ii|ts");
    private static final Pattern RU_END = Pattern.compile(
            "(iya|ie|nik|stvo|ost|skii|skiy|sky|aya|oye|ov|ev|yi|[bcdfgklmnprstvz]y|ka|ko)$");
    private static final Pattern RU_WEAK = Pattern.compile("ya|yu|yo|ye|ch|sh");
    private static final Pattern ZH_STRONG = Pattern.compile("[xq][iu]|zh[aeiou]ng|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]");
    private static final Pattern ZH_FINALS = Pattern.compile("iang|iong|uang|ang|eng|ing|ong|uan|ian|ao|ai|ei|ou|uo");
    private static final Pattern KO_STRONG = Pattern.compile("eo|eu|ŏ|ŭ|yeong|wae|oe(?!s)|ae(?=[nmgk])");

    /**
     * The BCP 47 tag of a transliterated term's language by its look (ru-Latn, zh-Latn, ko-Latn), or null when the
     * letters do not say: Russian by kh, zh, shch, ts, soft signs and its endings; Pinyin by its syllables; Korean by
     * eo, eu and ŏ. Each word of the term counts.
     */
    static String languageOf(String term) {
        int ru = 0;
        int zh = 0;
        int ko = 0;
        for (String written : term.toLowerCase(Locale.ROOT).split("[\\s\\-]+")) {
            String word = fold(written);
            ru += 2 * count(RU_STRONG, word) + (RU_END.matcher(word).find() ? 2 : 0) + count(RU_WEAK, word);
            zh += 2 * count(ZH_STRONG, written) + count(ZH_FINALS, word);
            ko += 2 * count(KO_STRONG, written);
        }
        int best = Math.max(ru, Math.max(zh, ko));
        if (best == 0 || (best == ru ? 1 : 0) + (best == zh ? 1 : 0) + (best == ko ? 1 : 0) > 1) {
            return null;
        }
        return best == ru ? "ru-Latn" : best == zh ? "zh-Latn" : "ko-Latn";
    }

    private static int count(Pattern pattern, String word) {
        Matcher m = pattern.matcher(word);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether the word starts with an upper-case letter. */
    static boolean capitalized(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    /** Lower case without diacritics, apostrophes unified: for comparing words. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
    }

    /** Abbreviations whose full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = set("no", "nos", "mr", "mrs", "ms", "dr", "gen", "col", "lt",
            "maj", "capt", "st", "jr", "sr", "vs", "cf", "e.g", "i.e", "p", "pp", "vol", "ca", "approx", "tel", "ref",
            "art", "fig", "u.s", "u.s.s.r", "comr", "tov");

    /** Whether the full stop (or ! or ?) at {@code dot} of {@code s} ends a sentence. */
    static boolean endsSentence(CharSequence s, int dot) {
        char c = s.charAt(dot);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int after = dot + 1;
        while (after < s.length() && "”’\")".indexOf(s.charAt(after)) >= 0) {
            after++;
        }
        if (after < s.length() && !Character.isWhitespace(s.charAt(after))) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        int start = dot;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
            start--;
        }
        String word = s.subSequence(start, dot).toString();
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: "V. V. Vasilyev"
        }
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
