package org.fonds.tei;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fonds.text.Section;

/**
 * Writes a text's sections (div/head/p, a {@code \n} inside a paragraph as {@code <lb/>}) with the annotations' marks
 * at their character offsets in the text's {@code content}. Two kinds of marks:
 * <ul>
 * <li>a {@link Wrap} is an element around the words of one target ({@code hi}, {@code supplied}, {@code persName}…).
 * Wraps nest where their spans nest; a wrap that would cross an element already open (overlapping anchors are legal
 * in Fonds, not in XML) or a paragraph boundary is cut into fragments chained by {@code @next}/{@code @prev}, the TEI's
 * virtual elements (Guidelines 16.7, 20.3): the first fragment carries the id, {@code id-f2}, {@code id-f3}… follow;
 * </li>
 * <li>a {@link Point} is an empty or self-contained element at one offset: the {@code anchor}s that open and close a
 * note's target span, and the note itself (placed after the end of its last target, pointing back at its spans with
 * {@code @target}/{@code @targetEnd}). Anchors never overlap anything.</li>
 * </ul>
 * Nothing of the text is moved or repeated: the character data of the blocks, outside {@code note} elements and with
 * {@code lb} read as {@code \n}, is the text's content, and headings and paragraphs are joined by a blank line.
 */
final class TextLayout {

    /** How a fragment of a wrap is identified and chained. */
    record Fragment(String id, String prev, String next, boolean first, boolean last) {
    }

    /** An element around words. */
    interface Wrap {
        void open(Xml x, Fragment f);

        void close(Xml x, Fragment f);
    }

    /** An element at one offset. */
    interface Point {
        void write(Xml x);
    }

    /** Where points go at one offset: end anchors, then the elements placed after their span, then start anchors. */
    enum Rank {
        END, AFTER, START
    }

    /** A wrap over [start, end) with its base id; {@code order} makes the nesting of equal spans deterministic. */
    static final class Span {
        final int start;
        final int end;
        final String id;
        final int order;
        final Wrap wrap;
        final List<Piece> pieces = new ArrayList<>();

        Span(int start, int end, String id, int order, Wrap wrap) {
            this.start = start;
            this.end = end;
            this.id = id;
            this.order = order;
            this.wrap = wrap;
        }
    }

    record PointAt(int offset, Rank rank, int order, Point point) {
    }

    private static final class Piece {
        final int start;
        final int end;
        final Span span;
        final PointAt point;
        Fragment fragment;

        Piece(int start, int end, Span span, PointAt point) {
            this.start = start;
            this.end = end;
            this.span = span;
            this.point = point;
        }

        boolean isPoint() {
            return point != null;
        }
    }

    private static final Comparator<Piece> ORDER = Comparator.<Piece>comparingInt(p -> p.start)
            .thenComparingInt(p -> p.isPoint() ? 0 : 1)
            .thenComparingInt(p -> p.isPoint() ? p.point.rank().ordinal() : 0)
            .thenComparingInt(p -> p.isPoint() ? p.point.order() : 0)
            .thenComparing(Comparator.comparingInt((Piece p) -> p.end).reversed())
            .thenComparingInt(p -> p.span == null ? 0 : p.span.order);

    private record Node(Piece piece, List<Node> children) {
    }

    private record Block(String heading, int start, int end, int section, int paragraph) {
    }

    private TextLayout() {
    }

    /**
     * The section divs of a text with its marks. {@code idPrefix} names the paragraphs ({@code prefix-p3}).
     */
    static void write(Xml x, String idPrefix, List<Section> sections, String content, List<Span> spans,
            List<PointAt> points) {
        List<Block> blocks = blocks(sections);
        List<List<Node>> trees = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            List<Piece> pieces = new ArrayList<>();
            for (Span s : spans) {
                int from = Math.max(s.start, b.start());
                int to = Math.min(s.end, b.end());
                if (from < to) {
                    pieces.add(new Piece(from, to, s, null));
                } else if (s.start >= s.end && blockOf(blocks, s.start, false) == i) {
                    int at = clamp(s.start, b);
                    pieces.add(new Piece(at, at, s, null));
                }
            }
            for (PointAt p : points) {
                if (blockOf(blocks, p.offset(), p.rank() == Rank.START) == i) {
                    int at = clamp(p.offset(), b);
                    pieces.add(new Piece(at, at, null, p));
                }
            }
            trees.add(build(b.start(), b.end(), pieces));
        }
        for (Span s : spans) {
            chain(s);
        }
        int section = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.section() != section) {
                if (section >= 0) {
                    x.end();
                }
                section = b.section();
                x.start("div").attr("type", "section");
            }
            x.start(b.paragraph() == 0 ? "head" : "p");
            if (b.paragraph() > 0) {
                x.xmlAttr("id", idPrefix + "-p" + b.paragraph());
            }
            writeNodes(x, content, b.start(), b.end(), trees.get(i));
            x.end();
        }
        if (section >= 0) {
            x.end();
        }
    }

    /**
     * The block a point goes in: a start anchor in the first block that ends after it, anything else (an end anchor,
     * a note, an empty span) in the last block that starts before it; so offsets between blocks go to the block
     * before (ends) or after (starts).
     */
    private static int blockOf(List<Block> blocks, int offset, boolean start) {
        if (start) {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).end() > offset) {
                    return i;
                }
            }
            return blocks.size() - 1;
        }
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i).start() < offset) {
                return i;
            }
        }
        return 0;
    }

    private static int clamp(int offset, Block b) {
        return Math.min(Math.max(offset, b.start()), b.end());
    }

    private static List<Block> blocks(List<Section> sections) {
        List<Block> blocks = new ArrayList<>();
        int offset = 0;
        int paragraph = 0;
        boolean first = true;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            if (section.heading() != null && !section.heading().isBlank()) {
                offset += first ? 0 : 2;
                first = false;
                blocks.add(new Block(section.heading(), offset, offset + section.heading().length(), s, 0));
                offset += section.heading().length();
            }
            for (String p : section.paragraphs()) {
                offset += first ? 0 : 2;
                first = false;
                blocks.add(new Block(null, offset, offset + p.length(), s, ++paragraph));
                offset += p.length();
            }
        }
        return blocks;
    }

    /** The nodes of [from, to): each piece with the pieces inside it; a piece that crosses one is cut in two. */
    private static List<Node> build(int from, int to, List<Piece> pieces) {
        List<Piece> pending = new ArrayList<>(pieces);
        pending.sort(ORDER);
        List<Node> nodes = new ArrayList<>();
        while (!pending.isEmpty()) {
            Piece p = pending.remove(0);
            if (p.span != null) {
                p.span.pieces.add(p);
            }
            List<Piece> inner = new ArrayList<>();
            List<Piece> rest = new ArrayList<>();
            for (Piece q : pending) {
                if (p.isPoint() || q.start >= p.end) {
                    rest.add(q);
                } else if (q.end <= p.end) {
                    inner.add(q);
                } else {
                    inner.add(new Piece(q.start, p.end, q.span, null));
                    rest.add(new Piece(p.end, q.end, q.span, null));
                }
            }
            nodes.add(new Node(p, p.isPoint() ? List.of() : new ArrayList<>(build(p.start, p.end, inner))));
            rest.sort(ORDER);
            pending = rest;
        }
        return nodes;
    }

    /** Numbers a span's fragments in document order and chains them. */
    private static void chain(Span s) {
        s.pieces.sort(Comparator.comparingInt(p -> p.start));
        int n = s.pieces.size();
        for (int i = 0; i < n; i++) {
            String id = i == 0 ? s.id : s.id + "-f" + (i + 1);
            String prev = i == 0 ? null : i == 1 ? s.id : s.id + "-f" + i;
            String next = i + 1 < n ? s.id + "-f" + (i + 2) : null;
            s.pieces.get(i).fragment = new Fragment(id, prev, next, i == 0, i == n - 1);
        }
    }

    private static void writeNodes(Xml x, String content, int from, int to, List<Node> nodes) {
        int pos = from;
        for (Node n : nodes) {
            Piece p = n.piece();
            text(x, content, pos, p.start);
            if (p.isPoint()) {
                p.point.point().write(x);
            } else {
                p.span.wrap.open(x, p.fragment);
                writeNodes(x, content, p.start, p.end, n.children());
                p.span.wrap.close(x, p.fragment);
            }
            pos = Math.max(pos, p.end);
        }
        text(x, content, pos, to);
    }

    /** The content between two offsets, each line break as {@code <lb/>}. */
    private static void text(Xml x, String content, int from, int to) {
        int end = Math.min(to, content.length());
        int start = Math.min(from, end);
        while (start < end) {
            int nl = content.indexOf('\n', start);
            if (nl < 0 || nl >= end) {
                x.text(content.substring(start, end));
                return;
            }
            x.text(content.substring(start, nl));
            x.empty("lb");
            start = nl + 1;
        }
    }
}
