package org.fonds.name;

/** SQL LIKE patterns for the substring filters of lists; the text's own % _ and \ match literally. */
public final class Like {

    private Like() {
    }

    /**
     * A pattern (with the default escape character, backslash) matching any text that contains {@code text}; null for
     * null (no filter).
     */
    public static String containing(String text) {
        return text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
