// A text with its annotations drawn at their anchors. Annotations become spans of the text (start, end offsets in
// UTF-16 code units, as the API gives them) that nest as elements; a span that crosses another's end is split at
// it, so that words inside one span always form one element ("one large subchaser" is one circled element, the
// foreign term "subchaser" an element inside it). Zero-length spans are marks at a point: a note's number, a
// foreign term, a gap, an interlinear note.

import { h, srOnly } from './dom.js';
import * as fmt from './format.js';

// Of spans over the same words, the outer one comes first: a circle is drawn around everything else.
const NESTING = ['anchor', 'circle', 'underline', 'strike', 'note', 'mention', 'foreign', 'supplied', 'uncertain',
  'gap'];
// Of marks at the same point: the term right after its words, then a gap, the note's number, an interlinear note.
const MARKS = ['term', 'gap', 'note-ref', 'interlinear', 'page-break'];

function rank(span) {
  return span.start === span.end ? MARKS.indexOf(span.kind) : NESTING.indexOf(span.kind);
}

const isMark = s => (s.start === s.end ? 0 : 1);

// A mark at a point belongs to the words before it, so it comes before a span that starts there.
function compare(a, b) {
  return a.start - b.start || isMark(a) - isMark(b) || b.end - a.end || rank(a) - rank(b) || a.seq - b.seq;
}

/** Nodes for content[from, to) with these spans (all within it), nested. */
function build(content, spans, from, to, render) {
  const out = [];
  let pos = from;
  let rest = spans.slice().sort(compare);
  while (rest.length) {
    const s = rest.shift();
    if (s.start > pos) {
      out.push(content.slice(pos, s.start));
    }
    const inner = [];
    const after = [];
    for (const t of rest) {
      if (t.start < s.end) {
        if (t.end <= s.end) {
          inner.push(t);
        } else {
          inner.push({ ...t, end: s.end, continued: true });
          after.push({ ...t, start: s.end, continues: true });
        }
      } else {
        after.push(t);
      }
    }
    out.push(render(s, build(content, inner, s.start, s.end, render)));
    pos = Math.max(pos, s.end);
    rest = after.sort(compare);
  }
  if (to > pos) {
    out.push(content.slice(pos, to));
  }
  return out;
}

/** Which margin cell a marginal note goes to, or 'inline' (between the lines, over the text). */
export function side(annotation, target) {
  const position = annotation.marginalia?.position || target?.margin;
  switch (position) {
    case 'LEFT':
      return 'left';
    case 'RIGHT':
    case 'TOP':
    case 'BOTTOM':
      return 'right';
    case 'BETWEEN_LINES':
    case 'OVER_TEXT':
      return 'inline';
    default:
      return 'right';
  }
}

const MARKINGS = { CIRCLING: 'circle', UNDERLINING: 'underline', STRIKE_THROUGH: 'strike' };

/** Whether a marginalia is a marking of the words themselves (circled, underlined, struck through). */
export function isMarking(a) {
  return a.type === 'MARGINALIA' && MARKINGS[a.marginalia.kind] && !a.marginalia.transcription;
}

export function usable(target, text) {
  return target.text_id === text.id && target.status !== 'ORPHANED' && Number.isInteger(target.start)
    && Number.isInteger(target.end) && target.start <= target.end && target.end <= text.content.length;
}

/** The spans one annotation contributes to a text. */
function spansOf(a, text, notes, seq) {
  const targets = a.targets.filter(t => usable(t, text));
  const spans = [];
  const add = (kind, t, extra) => spans.push({ kind, start: t.start, end: t.end, annotation: a, target: t, seq, ...extra });
  const mark = (kind, at, extra) => spans.push({ kind, start: at, end: at, annotation: a, seq, ...extra });
  if (!targets.length) {
    return spans;
  }
  const last = targets.reduce((x, y) => (y.end > x.end ? y : x));
  switch (a.type) {
    case 'TRANSLATOR_NOTE':
    case 'EDITOR_NOTE':
    case 'FOOTNOTE':
      targets.forEach(t => t.end > t.start && add('note', t, { note: notes.get(a.id) }));
      mark('note-ref', last.end, { note: notes.get(a.id) });
      break;
    case 'FOREIGN_TERM':
      targets.forEach(t => add('foreign', t));
      mark('term', last.end);
      break;
    case 'UNCERTAIN_READING':
      targets.forEach(t => add('uncertain', t));
      break;
    case 'GAP':
      targets.forEach(t => t.end > t.start && add('gap', t));
      mark('gap', last.end);
      break;
    case 'SUPPLIED':
      targets.forEach(t => add('supplied', t));
      break;
    case 'MENTION':
      targets.forEach(t => add('mention', t));
      break;
    case 'PAGE_BREAK':
      // the page starts before its first words
      mark('page-break', targets[0].start);
      break;
    case 'MARGINALIA':
      if (isMarking(a)) {
        targets.forEach(t => add(MARKINGS[a.marginalia.kind], t));
      } else {
        targets.forEach((t, i) => add('anchor', t, { index: i }));
        if (side(a, targets[0]) === 'inline') {
          mark('interlinear', last.end);
        }
      }
      break;
    default:
      break;
  }
  return spans;
}

/** The spans of each paragraph (a mark at a paragraph's end is its), found by binary search: no paragraph × span scan. */
function byParagraph(spans, paragraphs) {
  const buckets = new Map(paragraphs.map(p => [p, []]));
  // the first paragraph that ends at or after an offset
  const first = offset => {
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].end < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };
  for (const s of spans) {
    for (let i = first(s.start); i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const inside = s.start === s.end ? s.start >= p.start && s.start <= p.end : s.start < p.end && s.end > p.start;
      if (inside) {
        buckets.get(p).push(s);
      }
      if (p.end >= s.end) {
        break;
      }
    }
  }
  return buckets;
}

/**
 * The nodes of a text: its sections' headings and its paragraphs, each paragraph a row with a left margin, the
 * words and a right margin. Returns the element and the marginal notes placed in the margins (for the connectors).
 */
export function renderText(text, annotations, context) {
  const { notes, marginal } = context;
  const spans = annotations.flatMap((a, i) => spansOf(a, text, notes, i));
  const buckets = byParagraph(spans, text.paragraphs);
  const rows = [];
  const placed = [];
  let section = -1;
  for (const p of text.paragraphs) {
    if (p.section !== section) {
      section = p.section;
      const heading = text.sections[section]?.heading;
      if (heading) {
        rows.push(h('div', { class: 'row heading-row' }, h('div', { class: 'margin margin-left' }),
          h('h3', { class: 'section-heading' }, heading), h('div', { class: 'margin margin-right' })));
      }
    }
    const mine = buckets.get(p).map(s => ({ ...s, start: Math.max(s.start, p.start), end: Math.min(s.end, p.end),
      continued: s.end > p.end, continues: s.start < p.start }));
    const words = build(text.content, mine, p.start, p.end, (s, children) => renderSpan(s, children, context));
    const left = h('div', { class: 'margin margin-left' });
    const right = h('div', { class: 'margin margin-right' });
    // marginal notes sit beside the paragraph where their first target starts
    for (const s of mine) {
      if (s.kind === 'anchor' && s.index === 0 && !s.continues) {
        const where = side(s.annotation, s.target);
        if (where !== 'inline') {
          const note = marginal(s.annotation, s.target, 'aside');
          (where === 'left' ? left : right).append(note);
          placed.push({ annotation: s.annotation, note, side: where });
        }
      }
    }
    const para = h('p', { class: 'paragraph', id: `p-${text.id}-${p.number}`, dataset: { number: p.number } }, words);
    rows.push(h('div', { class: 'row' }, left, para, right));
  }
  return { rows, placed };
}

/** The note that reports a marking ("“one trawler” and “one large subchaser” are circled"), if numbered. */
function reportedBy(a, context) {
  const note = a.marginalia?.reported_by_id && context.notes.get(a.marginalia.reported_by_id);
  return note ? `note-${note.number}` : null;
}

function renderSpan(s, children, context) {
  const a = s.annotation;
  const data = { annotation: a.id, type: a.type };
  switch (s.kind) {
    case 'anchor':
      return h('span', { class: 'anchored', dataset: { ...data, marginal: a.id } }, children);
    case 'circle':
      return h('mark', { class: 'circled', title: 'Circled on the page', 'aria-describedby': reportedBy(a, context),
        dataset: data }, children);
    case 'underline':
      return h('mark', { class: 'underlined', title: 'Underlined on the page',
        'aria-describedby': reportedBy(a, context), dataset: data }, children);
    case 'strike':
      return h('mark', { class: 'struck', title: 'Struck through on the page',
        'aria-describedby': reportedBy(a, context), dataset: data }, children);
    case 'note':
      // a note on a whole paragraph is marked by its number only: a dotted line under it would drown the text
      return h('span', { class: `noted noted-${a.type.toLowerCase().replaceAll('_', '-')}${
        s.end - s.start > 120 ? ' noted-long' : ''}`,
        'aria-describedby': `note-${s.note.number}`, dataset: { ...data, note: s.note.number } }, children);
    case 'note-ref':
      return h('a', { class: 'note-ref', href: `#note-${s.note.number}`, id: `note-ref-${s.note.number}`,
        dataset: { ...data, note: s.note.number } },
      h('sup', null, s.note.label), srOnly(` (${fmt.words(a.type)} ${s.note.label})`));
    case 'foreign':
      return h('span', { class: 'foreign', dataset: data }, children);
    case 'term': {
      const t = a.foreign_term;
      const base = (t.language || '').split('-')[0] || null;
      return h('span', { class: 'term', dataset: data },
        srOnly(' (original term: '),
        h('i', { lang: t.language || null }, t.term),
        t.script_form ? [' ', h('span', { lang: base, class: 'script-form' }, t.script_form)] : null,
        srOnly(')'));
    }
    case 'uncertain': {
      const u = a.uncertain_reading;
      const title = [`Uncertain reading: ${u.reading}`, u.certainty && `certainty ${u.certainty.toLowerCase()}`,
        u.alternatives?.length && `or: ${u.alternatives.join(', ')}`].filter(Boolean).join('; ');
      return h('span', { class: 'uncertain', title, dataset: data }, children);
    }
    case 'gap':
      return s.start === s.end ? gapMark(a.gap, data)
        : h('span', { class: 'gap-words', dataset: data }, children);
    case 'supplied':
      return h('span', { class: 'supplied', title: a.supplied?.reason || 'Supplied by the translator or editor',
        dataset: data }, children);
    case 'mention':
      return mention(a, children, data);
    case 'interlinear':
      return context.marginal(a, a.targets[0], 'span');
    case 'page-break': {
      const p = a.page_break;
      const edition = p.edition ? ` ${p.edition}` : '';
      return h('span', { class: 'page-break', title: p.edition ? `Page ${p.n} of ${p.edition_title || p.edition}`
        : `Page ${p.n} of the original`, dataset: { ...data, page: p.n, edition: p.edition || 'ORIGINAL' } },
      `[p. ${p.n}${edition}]`);
    }
    default:
      return h('span', null, children);
  }
}

function mention(a, children, data) {
  const m = a.mention;
  if (m.agent_id) {
    return h('a', { class: 'mention mention-agent', href: `#/agents/${m.agent_id}`,
      dataset: { ...data, agent: m.agent_id } }, children);
  }
  if (m.place_id) {
    return h('a', { class: 'mention mention-place', href: `#/places/${m.place_id}`,
      dataset: { ...data, place: m.place_id } }, children);
  }
  if (m.date) {
    const from = fmt.firstPeriod(m.date);
    const to = fmt.lastPeriod(m.date);
    const title = `Date: ${fmt.edtf(m.date)}`;
    return from && to
      ? h('a', { class: 'mention mention-date', href: `#/timeline?from=${from}&to=${to}`, title, dataset: data },
        children)
      : h('span', { class: 'mention mention-date', title, dataset: data }, children);
  }
  return h('span', { class: 'mention', dataset: data }, children);
}

const REASONS = { OFF_PAGE: 'off the page', ILLEGIBLE: 'illegible', REDACTED: 'redacted', DAMAGED: 'damaged',
  OMITTED: 'omitted', OTHER: 'missing' };

function extentWords(extent) {
  if (!extent) {
    return null;
  }
  return fmt.count(extent.quantity, extent.unit.toLowerCase().replace(/s$/, ''));
}

/** A gap: "[1 word off the page]"; without an extent an ellipsis that says why words are missing. */
export function gapMark(gap, data) {
  const reason = REASONS[gap.reason] || fmt.words(gap.reason);
  const extent = extentWords(gap.extent);
  const title = `Gap: ${extent ? `${extent} ` : 'words '}${reason}`;
  return extent
    ? h('span', { class: 'gap', title, dataset: { ...data, reason: gap.reason } }, `[${extent} ${reason}]`)
    : h('span', { class: 'gap gap-short', title, dataset: { ...data, reason: gap.reason } },
      h('span', { 'aria-hidden': 'true' }, '…'), srOnly(` [words ${reason}] `));
}

/** The words of a marginal note, with its uncertain readings and gaps drawn as in the text. */
export function transcription(t) {
  const text = t.text;
  const uncertain = (t.uncertain || []).slice().sort((a, b) => a.start - b.start);
  const gaps = t.gaps || [];
  const points = [...new Set([0, text.length, ...uncertain.flatMap(u => [u.start, u.end]), ...gaps.map(g => g.after)])]
    .filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out = [];
  points.forEach((p, i) => {
    gaps.filter(g => g.after === p).forEach(g => out.push(gapMark(g, {})));
    const next = points[i + 1];
    if (next === undefined || next === p) {
      return;
    }
    const words = text.slice(p, next);
    const u = uncertain.find(x => x.start <= p && next <= x.end);
    if (u) {
      const title = `Uncertain reading: ${u.reading}${u.certainty ? `; certainty ${u.certainty.toLowerCase()}` : ''}`;
      out.push(h('span', { class: 'uncertain', title }, words), srOnly(' (uncertain reading)'));
    } else {
      out.push(words);
    }
  });
  return out;
}
