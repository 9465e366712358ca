package org.fonds.annotation;

/**
 * Anchoring targets to a text's content, in one place: checking and resolving what a client sends (W3C Web
 * Annotation TextPositionSelector + TextQuoteSelector), and re-locating stored anchors when the content changes.
 * Offsets are UTF-16 code units, as Java strings and JavaScript count them.
 *
 * <p>Written by hand, deliberately. java-diff-utils (the maintained Java diff library) would map offsets through
 * a full Myers diff, which costs O(N·D) time and memory on characters and grows quadratic when a long text is
 * rewritten, inside the transaction that saves the text. Re-location needs less: the edit seen as one changed
 * region (the common prefix and suffix of old and new content, O(N)) places every anchor outside that region
 * exactly, and an anchor inside it is found again by its quoted words and their context, which is what the
 * TextQuoteSelector is for.
 */
final class Anchors {

    /** How much context a derived prefix or suffix holds (as Hypothesis derives it; W3C leaves the length open). */
    static final int CONTEXT = 32;
    /** IIIF image region: x,y,w,h in pixels, or pct:x,y,w,h. */
    static final String REGION = "^(pct:)?[0-9]+(\\.[0-9]+)?(,[0-9]+(\\.[0-9]+)?){3}$";

    private static final int QUOTED = 60;

    private Anchors() {
    }

    /** A span of a content: {@code content.substring(start, end).equals(exact)}, with its context. */
    record Anchor(int start, int end, String exact, String prefix, String suffix) {
    }

    /**
     * The anchor a target describes in {@code content}, or null after adding to {@code violations} what is wrong,
     * on fields under {@code field} (e.g. {@code targets[0]}).
     */
    static Anchor resolve(String content, TargetInput t, String field, Violations violations) {
        if ((t.start() == null) != (t.end() == null)) {
            violations.add(field + (t.start() == null ? ".start" : ".end"), "start and end go together: give both, "
                    + "or neither and let exact (with occurrence, prefix or suffix) locate the words");
            return null;
        }
        if (t.start() == null) {
            return byQuote(content, t, field, violations);
        }
        if (t.occurrence() != null) {
            violations.add(field + ".occurrence", "only without start and end");
            return null;
        }
        return atOffsets(content, t, field, violations);
    }

    private static Anchor atOffsets(String content, TargetInput t, String field, Violations violations) {
        int start = t.start();
        int end = t.end();
        if (end <= start) {
            violations.add(field + ".end", "must be greater than start (" + start + ")");
            return null;
        }
        if (end > content.length()) {
            violations.add(field + ".end", "must be at most the length of the text's content (" + content.length()
                    + ")");
            return null;
        }
        if (!content.startsWith(t.exact(), start) || t.exact().length() != end - start) {
            violations.add(field + ".exact", "does not match the text's content at " + start + ".." + end
                    + ", which reads '" + quote(content.substring(start, end)) + "'");
            return null;
        }
        boolean valid = true;
        if (t.prefix() != null && !content.startsWith(t.prefix(), start - t.prefix().length())) {
            violations.add(field + ".prefix", "does not match the text just before start, which reads '"
                    + quote(prefixAt(content, start)) + "'");
            valid = false;
        }
        if (t.suffix() != null && !content.startsWith(t.suffix(), end)) {
            violations.add(field + ".suffix", "does not match the text just after end, which reads '"
                    + quote(suffixAt(content, end)) + "'");
            valid = false;
        }
        return valid ? anchor(content, start, end, t.prefix(), t.suffix()) : null;
    }

    /** The n-th occurrence of exact among those whose surroundings agree with the given prefix and suffix. */
    private static Anchor byQuote(String content, TargetInput t, String field, Violations violations) {
        String exact = t.exact();
        int wanted = t.occurrence() == null ? 1 : t.occurrence();
        int occurrences = 0;
        int agreeing = 0;
        for (int i = content.indexOf(exact); i >= 0; i = content.indexOf(exact, i + 1)) {
            occurrences++;
            int end = i + exact.length();
            boolean agrees = (t.prefix() == null || content.startsWith(t.prefix(), i - t.prefix().length()))
                    && (t.suffix() == null || content.startsWith(t.suffix(), end));
            if (agrees && ++agreeing == wanted) {
                return anchor(content, i, end, t.prefix(), t.suffix());
            }
        }
        boolean withContext = t.prefix() != null || t.suffix() != null;
        if (occurrences == 0) {
            violations.add(field + ".exact", "does not occur in the text's content");
        } else if (agreeing == 0) {
            violations.add(field + ".exact", "occurs " + occurrences + " time(s) in the text's content, but never "
                    + "with the given prefix and suffix");
        } else {
            violations.add(field + ".occurrence", "the text's content has only " + agreeing + " occurrence(s) of "
                    + "exact" + (withContext ? " with the given prefix and suffix" : ""));
        }
        return null;
    }

    /**
     * A change of a text's content seen as one changed region: the first {@code head} and the last {@code tail}
     * characters of the old and the new content are the same. Computed once per change, in O(N).
     */
    record Edit(String oldContent, String newContent, int head, int tail) {

        static Edit of(String oldContent, String newContent) {
            int head = sameFrom(oldContent, 0, newContent, 0);
            int max = Math.min(oldContent.length(), newContent.length()) - head;
            int tail = 0;
            while (tail < max && oldContent.charAt(oldContent.length() - 1 - tail)
                    == newContent.charAt(newContent.length() - 1 - tail)) {
                tail++;
            }
            return new Edit(oldContent, newContent, head, tail);
        }

        /**
         * Where a span of the old content is in the new one when it lies wholly before the changed region (same
         * offset) or wholly after it (moved by the change in length); -1 when it overlaps the changed region.
         */
        int map(int start, int end) {
            if (end <= head) {
                return start;
            }
            if (start >= oldContent.length() - tail) {
                return start + newContent.length() - oldContent.length();
            }
            return -1;
        }
    }

    /**
     * Where a stored anchor's words are in the edited content, or null when they no longer occur there.
     *
     * @param inOldContent whether the anchor is a span of the edit's old content; false for an orphaned anchor,
     *                     whose offsets belong to an older content
     */
    static Anchor relocate(Anchor anchor, boolean inOldContent, Edit edit) {
        String content = edit.newContent();
        int length = anchor.end() - anchor.start();
        // Outside the changed region the anchor is placed exactly.
        int mapped = inOldContent ? edit.map(anchor.start(), anchor.end()) : -1;
        if (mapped >= 0 && content.startsWith(anchor.exact(), mapped)) {
            return anchor(content, mapped, mapped + length, null, null);
        }
        // Inside it (or orphaned): search the quoted words. Prefer the occurrence whose surroundings agree most with
        // the stored prefix and suffix, then the one nearest to the old offset.
        int best = -1;
        int bestContext = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = content.indexOf(anchor.exact()); i >= 0; i = content.indexOf(anchor.exact(), i + 1)) {
            int context = sameBefore(anchor.prefix(), content, i) + sameFrom(anchor.suffix(), 0, content, i + length);
            int distance = Math.abs(i - anchor.start());
            if (context > bestContext || context == bestContext && distance < bestDistance) {
                best = i;
                bestContext = context;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : anchor(content, best, best + length, null, null);
    }

    /** The anchor at {@code [start, end)}, with the given context or, when null, context derived from the content. */
    private static Anchor anchor(String content, int start, int end, String prefix, String suffix) {
        return new Anchor(start, end, content.substring(start, end),
                prefix != null ? prefix : prefixAt(content, start), suffix != null ? suffix : suffixAt(content, end));
    }

    /** Up to {@link #CONTEXT} characters before {@code start}, not splitting a surrogate pair. */
    static String prefixAt(String content, int start) {
        int from = Math.max(0, start - CONTEXT);
        if (from > 0 && Character.isLowSurrogate(content.charAt(from))) {
            from++;
        }
        return content.substring(from, start);
    }

    /** Up to {@link #CONTEXT} characters after {@code end}, not splitting a surrogate pair. */
    static String suffixAt(String content, int end) {
        int to = Math.min(content.length(), end + CONTEXT);
        if (to < content.length() && Character.isHighSurrogate(content.charAt(to - 1))) {
            to--;
        }
        return content.substring(end, to);
    }

    /** How many characters of {@code a} from {@code i} equal those of {@code b} from {@code j}. */
    private static int sameFrom(String a, int i, String b, int j) {
        int n = 0;
        while (i + n < a.length() && j + n < b.length() && a.charAt(i + n) == b.charAt(j + n)) {
            n++;
        }
        return n;
    }

    /** How many characters at the end of {@code a} equal those just before {@code end} in {@code b}. */
    private static int sameBefore(String a, String b, int end) {
        int n = 0;
        while (n < a.length() && n < end && a.charAt(a.length() - 1 - n) == b.charAt(end - 1 - n)) {
            n++;
        }
        return n;
    }

    private static String quote(String s) {
        return s.length() <= QUOTED ? s : s.substring(0, QUOTED) + "…";
    }
}
