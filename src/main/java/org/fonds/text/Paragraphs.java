package org.fonds.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical flat content of a text and where each paragraph and line lies in it. Anchors count their
 * character offsets (UTF-16 code units, as W3C TextPositionSelector in JavaScript) in this content: headings
 * and paragraphs in order, separated by a blank line.
 */
public final class Paragraphs {

    static final String SEPARATOR = "\n\n";

    private Paragraphs() {
    }

    public record Line(int number, int start, int end) {
    }

    /** A paragraph: its 1-based number across the text, its 0-based section, its span and its lines. */
    public record Located(int number, int section, String heading, int start, int end, List<Line> lines) {
    }

    public record Layout(String content, List<Located> paragraphs) {
    }

    public static Layout layout(List<Section> sections) {
        StringBuilder content = new StringBuilder();
        List<Located> located = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            if (section.heading() != null && !section.heading().isBlank()) {
                append(content, section.heading());
            }
            for (String paragraph : section.paragraphs()) {
                int start = append(content, paragraph);
                located.add(new Located(located.size() + 1, s, section.heading(), start, content.length(),
                        lines(paragraph, start)));
            }
        }
        return new Layout(content.toString(), List.copyOf(located));
    }

    private static int append(StringBuilder content, String block) {
        if (!content.isEmpty()) {
            content.append(SEPARATOR);
        }
        int start = content.length();
        content.append(block);
        return start;
    }

    private static List<Line> lines(String paragraph, int offset) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int nl = paragraph.indexOf('\n', start);
            int end = nl < 0 ? paragraph.length() : nl;
            lines.add(new Line(lines.size() + 1, offset + start, offset + end));
            if (nl < 0) {
                return lines;
            }
            start = nl + 1;
        }
    }
}
