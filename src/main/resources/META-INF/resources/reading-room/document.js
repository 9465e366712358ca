// A document: its header, its texts side by side with every annotation at its anchor, its notes, media, links,
// the names it mentions, and every export format, all read from GET /documents/{id}?embed=all.

import * as api from './api.js';
import { h, srOnly } from './dom.js';
import * as fmt from './format.js';
import { renderText, transcription, usable, side, isMarking } from './annotated-text.js';
import { drawConnectors } from './margins.js';

const TEXT_ORDER = { ORIGINAL: 0, TRANSCRIPTION: 1, TRANSLATION: 2 };
const NOTE_TYPES = ['TRANSLATOR_NOTE', 'EDITOR_NOTE', 'FOOTNOTE'];
const POSITIONS = { LEFT: 'left margin', RIGHT: 'right margin', TOP: 'top margin', BOTTOM: 'bottom margin',
  BETWEEN_LINES: 'between the lines', OVER_TEXT: 'over the text' };

export async function documentView(main, id) {
  const started = performance.now();
  const path = `/documents/${encodeURIComponent(id)}`;
  const doc = await api.getJson(path, { embed: 'all' });
  const fetched = performance.now();
  document.title = `${doc.title} · Fonds`;

  const texts = (doc.texts || []).slice().sort((a, b) => (TEXT_ORDER[a.role] ?? 9) - (TEXT_ORDER[b.role] ?? 9));
  const annotations = doc.annotations || [];
  const notes = numberNotes(annotations, texts);
  const context = { notes, marginal: (a, t, tag) => marginalNote(a, t, tag, notes) };

  const article = h('article', { class: 'document', 'aria-labelledby': 'doc-title' },
    header(doc, path, notes),
    h('section', { class: 'texts', 'aria-label': 'Texts' },
      texts.length ? texts.map(t => textColumn(t, annotations, context, texts.length)) :
        h('p', { class: 'empty' }, 'This document has no text.')),
    notesSection(annotations, notes),
    unanchored(annotations, texts),
    media(doc),
    links(doc),
    namesIndex(doc, annotations),
    annotationList(annotations, notes),
    exportsNav(doc, path));
  main.append(article);

  for (const column of article.querySelectorAll('.text-column')) {
    drawConnectors(column);
  }
  // for measurements: from this view's first API call to its drawn text (of which the call, and the drawing),
  // and from the navigation's start
  main.dataset.renderMs = String(Math.round(performance.now() - started));
  main.dataset.fetchMs = String(Math.round(fetched - started));
  main.dataset.drawMs = String(Math.round(performance.now() - fetched));
  main.dataset.pageMs = String(Math.round(performance.now()));
  main.dataset.ready = 'document';

  // names, labels and the citation arrive after the text is drawn
  fillNames(article);
  fillCitation(article, path);
  describeForSearchEngines(path);
}

/**
 * The document as schema.org JSON-LD (an ArchiveComponent) in the page's head, where search engines and catalogues
 * read what a page is about; a data block, not a script, so the Content-Security-Policy allows it. The router removes
 * it when another view is shown.
 */
function describeForSearchEngines(path) {
  api.getText(`${path}/schema-org`, 'application/ld+json').then(json => {
    document.head.querySelectorAll('script[data-schema-org]').forEach(e => e.remove());
    const block = document.createElement('script');
    block.type = 'application/ld+json';
    block.dataset.schemaOrg = path;
    block.textContent = json;
    document.head.append(block);
  }).catch(() => {});
}

/** Notes numbered in reading order: texts in their order, then where their number stands (after their words). */
function numberNotes(annotations, texts) {
  const notes = annotations.filter(a => NOTE_TYPES.includes(a.type));
  const key = a => {
    for (const [i, t] of texts.entries()) {
      const targets = a.targets.filter(x => usable(x, t));
      if (targets.length) {
        return [i, Math.max(...targets.map(x => x.end))];
      }
    }
    return [texts.length, 0];
  };
  const sorted = notes.map(a => ({ a, k: key(a) })).sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1]);
  const numbers = new Map();
  sorted.forEach(({ a }, i) => numbers.set(a.id, {
    number: i + 1,
    label: a.type === 'FOOTNOTE' && a.footnote?.marker ? a.footnote.marker : String(i + 1),
    annotation: a,
  }));
  return numbers;
}

/** The numbers of the notes on a part of the document (its heading, dateline, source line, a signature). */
function partRefs(notes, part, participantId) {
  const on = [...notes.values()].filter(n => n.annotation.targets.some(t => t.part === part
    && (participantId === undefined || t.participant_id === participantId)));
  return on.length ? on.map(n => h('a', { class: 'note-ref', href: `#note-${n.number}`,
    dataset: { annotation: n.annotation.id, part } }, h('sup', null, n.label),
  srOnly(` (note ${n.label} on the ${part.toLowerCase()})`))) : null;
}

function header(doc, path, notes) {
  const byRole = new Map();
  for (const p of (doc.participants || []).slice().sort((a, b) => a.position - b.position)) {
    if (!byRole.has(p.role)) {
      byRole.set(p.role, []);
    }
    byRole.get(p.role).push(p);
  }
  const facts = [
    ['Kind', doc.kind_as_written ? [h('span', { class: 'kind-as-written' }, doc.kind_as_written),
      ` (${fmt.words(doc.kind)})`] : fmt.words(doc.kind)],
    ['Date', [doc.date ? dateEl(doc.date, doc.date_range) : 'undated', partRefs(notes, 'DATELINE')]],
    doc.dispatched && ['Dispatched', dateEl(doc.dispatched)],
    doc.place_of_origin_id && ['Written at', placeLink(doc.place_of_origin_id)],
    doc.reference_numbers?.length && ['Reference numbers', doc.reference_numbers.join(', ')],
    doc.classification && ['Classification', h('span', { class: 'classification' }, doc.classification)],
    doc.handling && ['Handling', doc.handling],
    doc.languages?.length && ['Language', doc.languages.map(l => fmt.language(l)).join(', ')],
    ...fmt.ROLE_ORDER.filter(r => byRole.has(r)).map(r => [fmt.role(r), participants(byRole.get(r), notes)]),
    doc.credits?.length && ['Credits', doc.credits.map((c, i) => [i ? '; ' : '', `${fmt.words(c.role)}: `,
      c.agent_id ? h('a', { href: `#/agents/${c.agent_id}` }, c.name) : c.name])],
    doc.subject_ids?.length && ['Subjects', labels(doc.subject_ids, 'subject')],
    doc.collection_ids?.length && ['Collections', labels(doc.collection_ids, 'collection')],
    ['Source', [source(doc.source), partRefs(notes, 'SOURCE')]],
    doc.rights && ['Rights', doc.rights],
    ['Visibility', fmt.words(doc.visibility)],
  ].filter(Boolean);
  return h('header', { class: 'doc-header' },
    h('p', { class: 'doc-kind' }, doc.kind_as_written || fmt.words(doc.kind),
      doc.date ? [' · ', fmt.edtf(doc.date)] : null),
    h('h1', { id: 'doc-title', tabindex: '-1' }, doc.title, partRefs(notes, 'HEADING')),
    doc.summary ? h('p', { class: 'summary' }, doc.summary) : null,
    h('dl', { class: 'facts' }, facts.map(([term, value]) => [h('dt', null, term), h('dd', null, value)])),
    h('p', { class: 'cite-as', hidden: true }, h('span', { class: 'label' }, 'Cite as: '),
      h('span', { class: 'citation' })),
    h('p', { class: 'resource-links' }, 'This document in JSON: ', h('a', { href: path }, path), ' · ',
      h('a', { href: api.url(path, { embed: 'all' }) }, 'with all its parts'), ' · ',
      h('a', { href: `${path}/revisions` }, 'its revisions')));
}

function dateEl(value, range) {
  const attrs = { class: 'date' };
  if (range && range.earliest === range.latest) {
    attrs.datetime = range.earliest;
  } else if (/^[0-9]{4}(-[0-9]{2}){0,2}$/.test(value)) {
    attrs.datetime = value;
  }
  return h('time', attrs, fmt.edtf(value), range?.uncertain ? ' (uncertain)' : null,
    range?.approximate ? ' (approximate)' : null);
}

function placeLink(id) {
  return h('a', { href: `#/places/${id}`, class: 'place-name', dataset: { place: id } }, 'a place');
}

function participants(list, notes) {
  // a signature the editors supplied is printed in brackets, as editions print it: [Acheson]
  const written = p => (p.supplied ? `[${p.name_as_written || 'unnamed'}]` : p.name_as_written || 'unnamed');
  return h('ul', { class: 'participants' }, list.map(p => h('li', { dataset: { participant: p.id } },
    p.agent_id
      ? h('a', { href: `#/agents/${p.agent_id}`, class: 'name-as-written', dataset: { agent: p.agent_id },
        title: p.supplied ? 'Signature supplied by the editors' : null }, written(p))
      : h('span', { class: 'name-as-written' }, written(p)),
    p.role === 'SIGNATORY' ? partRefs(notes, 'SIGNATURE', p.id) : null,
    p.agent_id ? h('span', { class: 'preferred-name', dataset: { agentName: p.agent_id } }) : null,
    p.office ? [', ', h('span', { class: 'office' }, p.office)] : null,
    p.place_id ? [', ', placeLink(p.place_id)] : null,
    p.date ? [', ', dateEl(p.date, p.date_range)] : null,
    p.copy_number ? `, copy ${p.copy_number}` : null,
    ' ', h('a', { class: 'json-link', href: `/documents/${p.document_id}/participants/${p.id}` },
      'JSON', srOnly(` of the participant ${p.name_as_written || ''}`)))));
}

/** Subjects and collections: each a search of its documents, and its own URL. */
function labels(ids, kind) {
  return h('ul', { class: 'inline-list' }, ids.map(id => h('li', null,
    h('a', { href: `#/search?${kind}_id=${id}`, dataset: { [kind]: id } }, id), ' ',
    h('a', { href: `/${kind === 'subject' ? 'subjects' : 'collections'}/${id}`, class: 'json-link' }, 'JSON'))));
}

function source(s) {
  if (!s) {
    return 'not recorded';
  }
  const archival = [['Repository', s.repository], ['Collection', s.collection], ['Fond', s.fond],
    ['Opis', s.opis], ['Delo', s.delo], ['Papka', s.papka], ['Listy', s.listy]].filter(([, v]) => v);
  return h('span', { class: 'source' },
    archival.map(([k, v], i) => [i ? ', ' : '', `${k} ${v}`]),
    s.citation ? [archival.length ? '. ' : '', h('cite', null, s.citation)] : null,
    s.url ? [' ', h('a', { href: s.url, rel: 'noopener' }, s.url)] : null);
}

function textColumn(text, annotations, context, count) {
  const { rows, placed } = renderText(text, annotations, context);
  const label = `${fmt.words(text.role)} (${fmt.language(text.language)})`;
  const column = h('section', {
    class: `text-column text-${text.role.toLowerCase()}${count > 1 ? ' side-by-side' : ''}`,
    lang: text.language, 'aria-label': label, dataset: { text: text.id },
  },
  h('div', { class: 'row text-head', lang: 'en' }, h('div', { class: 'margin margin-left' }),
    h('h2', null, label, text.translator_name ? h('span', { class: 'translator' }, ` by ${text.translator_name}`)
      : null, ' ', h('a', { class: 'json-link', href: `/documents/${text.document_id}/texts/${text.id}` }, 'JSON',
      srOnly(` of the ${label.toLowerCase()}`))),
    h('div', { class: 'margin margin-right' })),
  rows);
  column.placed = placed;
  // side by side, a column keeps room only for the margins it writes in
  column.classList.toggle('has-left', placed.some(p => p.side === 'left'));
  column.classList.toggle('has-right', placed.some(p => p.side === 'right'));
  return column;
}

/** A mark or note by a hand: its words, hand, position, legibility, off-page, and where it points. */
function marginalNote(a, target, tag, notes) {
  const m = a.marginalia;
  const where = side(a, target);
  const position = m.position || target?.margin;
  const lines = target?.line_start ? (target.line_end && target.line_end !== target.line_start
    ? `lines ${target.line_start}–${target.line_end}` : `line ${target.line_start}`) : null;
  const reported = m.reported_by_id && notes.get(m.reported_by_id);
  const part = (cls, ...children) => h('span', { class: cls }, children);
  const hand = handOf(m.hand);
  return h(tag, {
    class: `marginal marginal-${where}${m.off_page ? ' is-off-page' : ''}`,
    id: `ann-${a.id}`,
    tabindex: '-1',
    'aria-label': `${fmt.words(m.kind)}${position ? ` in the ${POSITIONS[position] || fmt.words(position)}` : ''}`,
    dataset: { annotation: a.id, type: a.type, connector: m.connector || 'NONE', lineStart: target?.line_start,
      lineEnd: target?.line_end },
  },
  part('marginal-kind', fmt.words(m.kind), position ? ` · ${POSITIONS[position] || fmt.words(position)}` : null),
  m.transcription ? part('marginal-text', '“', transcription(m.transcription), '”') : null,
  lines ? part('lines', m.connector === 'LINE' || m.connector === 'ARROW'
    ? `${m.connector === 'ARROW' ? 'arrow' : 'line'} drawn to ${lines}` : `beside ${lines}`) : null,
  m.off_page ? part('off-page', h('span', { 'aria-hidden': 'true' }, '⇤ '), 'partly off the page') : null,
  part('fact', 'Hand: ', hand),
  m.legibility ? part('fact', 'Legibility: ', fmt.words(m.legibility).toLowerCase()) : null,
  m.medium ? part('fact', 'Medium: ', m.medium) : null,
  part('marginal-links', reported ? [h('a', { href: `#note-${reported.number}` }, `note ${reported.label}`), ' · ']
    : null, h('a', { href: `/annotations/${a.id}`, class: 'json-link' }, 'JSON',
    srOnly(` of this ${fmt.words(m.kind).toLowerCase()}`))));
}

/** Whose hand: the agent (named once read) or the description, and how sure the attribution is. */
function handOf(hand) {
  if (!hand) {
    return 'not recorded';
  }
  const who = hand.agent_id
    ? h('a', { href: `#/agents/${hand.agent_id}`, dataset: { agent: hand.agent_id } }, 'a person')
    : hand.description || 'unidentified hand';
  const certainty = !hand.certainty ? null : hand.certainty === 'UNKNOWN' ? ' (unknown)'
    : ` (attribution: ${hand.certainty.toLowerCase()})`;
  return [who, hand.agent_id && hand.description ? `, ${hand.description}` : null, certainty];
}

function notesSection(annotations, notes) {
  if (!notes.size) {
    return null;
  }
  const ordered = [...notes.values()].sort((a, b) => a.number - b.number);
  return h('section', { class: 'notes', 'aria-labelledby': 'notes-title' },
    h('h2', { id: 'notes-title' }, 'Notes'),
    h('ol', { class: 'note-list' }, ordered.map(n => {
      const a = n.annotation;
      const words = a.targets.map(t => t.exact).filter(Boolean);
      const parts = a.targets.map(t => t.part).filter(Boolean);
      return h('li', { id: `note-${n.number}`, tabindex: '-1', dataset: { annotation: a.id, type: a.type },
        value: /^[0-9]+$/.test(n.label) ? n.label : null },
      h('span', { class: 'note-type' }, `${fmt.words(a.type)}: `),
      h('span', { class: 'note-text' }, a.note_text || ''),
      words.length ? h('span', { class: 'note-at' }, ' — at ', words.map((w, i) => [i ? ', ' : '',
        h('q', null, w.length > 80 ? `${w.slice(0, 77)}…` : w)])) : null,
      parts.length ? h('span', { class: 'note-on' }, ' — on the ',
        parts.map(p => (p === 'SOURCE' ? 'source line' : p.toLowerCase())).join(', ')) : null,
      ' ', h('a', { href: `#note-ref-${n.number}`, class: 'back' },
        h('span', { 'aria-hidden': 'true' }, '↩'), srOnly(`back to the words of note ${n.label}`)),
      ' ', h('a', { href: `/annotations/${a.id}`, class: 'json-link' }, 'JSON', srOnly(` of note ${n.label}`)));
    })));
}

/** Annotations drawn nowhere: orphaned by an edit of the text, or pointing at a page region only. */
function unanchored(annotations, texts) {
  // a note on a part of the document is drawn at that part (partRefs)
  const lost = annotations.filter(a => !a.targets.some(t => t.part || texts.some(x => usable(t, x))));
  if (!lost.length) {
    return null;
  }
  return h('section', { class: 'unanchored', 'aria-labelledby': 'unanchored-title' },
    h('h2', { id: 'unanchored-title' }, 'Annotations not drawn in the text'),
    h('ul', null, lost.map(a => h('li', null, `${fmt.words(a.type)}: `,
      a.note_text || a.targets.map(t => t.exact).filter(Boolean).join(', ') || '(no words)',
      ` (${a.targets.map(t => fmt.words(t.status)).join(', ')}) `,
      h('a', { href: `/annotations/${a.id}`, class: 'json-link' }, 'JSON')))));
}

function media(doc) {
  if (!doc.media?.length) {
    return null;
  }
  return h('section', { class: 'media', 'aria-labelledby': 'media-title' },
    h('h2', { id: 'media-title' }, 'Media'),
    doc.media.map(m => {
      const viewable = m.media_type.startsWith('image/') && /^https?:\/\//.test(m.url);
      return h('figure', { dataset: { media: m.id } },
        viewable ? h('img', { src: m.url, alt: m.caption || `Page ${m.page_number || ''}`, loading: 'lazy' })
          : h('p', { class: 'media-ref' }, `${m.media_type}: `, /^https?:\/\//.test(m.url)
            ? h('a', { href: m.url, rel: 'noopener' }, m.url) : h('code', null, m.url)),
        h('figcaption', null, m.page_number ? `Page ${m.page_number}. ` : null, m.caption || '',
          m.depicted_agent_ids?.length ? [' Shows: ', m.depicted_agent_ids.map((id, i) => [i ? ', ' : '',
            h('a', { href: `#/agents/${id}`, dataset: { agent: id } }, 'a person')])] : null,
          ' ', h('a', { href: `/documents/${m.document_id}/media/${m.id}`, class: 'json-link' }, 'JSON')));
    }));
}

const INVERSE = { ENCLOSURE_OF: 'Enclosure', REPLY_TO: 'Answered by', CITES: 'Cited by', CITED_BY: 'Cites',
  SAME_MEETING: 'Same meeting', RELATED: 'Related' };

function links(doc) {
  if (!doc.links?.length && !doc.linked_from?.length) {
    return null;
  }
  return h('section', { class: 'doc-links', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title' }, 'Related documents'),
    h('ul', null, (doc.links || []).map(l => h('li', null, `${fmt.words(l.type)}: `,
      h('a', { href: `#/documents/${l.target_document_id}`, dataset: { document: l.target_document_id } },
        l.reference_as_written || 'a document'),
      l.note ? ` (${l.note})` : null, ' ',
      h('a', { href: `/documents/${l.document_id}/links/${l.id}`, class: 'json-link' }, 'JSON'))),
    (doc.linked_from || []).map(l => h('li', { dataset: { linkedFrom: l.id } }, `${INVERSE[l.type] || fmt.words(l.type)}: `,
      h('a', { href: `#/documents/${l.document_id}`, dataset: { document: l.document_id } }, 'a document'),
      l.note ? ` (${l.note})` : null, ' ',
      h('a', { href: `/documents/${l.document_id}/links/${l.id}`, class: 'json-link' }, 'JSON')))));
}

/** Every agent and place the document names, with every variant of their names (filled in once read). */
function namesIndex(doc, annotations) {
  const agents = new Map();
  const places = new Map();
  const note = (map, id, written) => {
    if (!id) {
      return;
    }
    if (!map.has(id)) {
      map.set(id, new Set());
    }
    if (written) {
      map.get(id).add(written);
    }
  };
  for (const p of doc.participants || []) {
    note(agents, p.agent_id, p.name_as_written);
    note(places, p.place_id);
  }
  note(places, doc.place_of_origin_id);
  for (const a of annotations.filter(x => x.type === 'MENTION')) {
    note(agents, a.mention.agent_id, a.mention.name_as_written);
    note(places, a.mention.place_id, a.mention.name_as_written);
  }
  if (!agents.size && !places.size) {
    return null;
  }
  const entry = (kind, id, written) => h('li', { dataset: { [kind]: id } },
    h('a', { href: `#/${kind}s/${id}`, class: 'entity-name', dataset: { [`${kind}Name`]: id } }, [...written][0] || id),
    written.size ? h('span', { class: 'as-written' }, ' — written here as ',
      [...written].map((w, i) => [i ? ', ' : '', h('q', null, w)])) : null,
    h('span', { class: 'variants', dataset: { [`${kind}Variants`]: id } }));
  return h('section', { class: 'names', 'aria-labelledby': 'names-title' },
    h('h2', { id: 'names-title' }, 'People, organisations and places'),
    agents.size ? h('ul', { class: 'name-index' }, [...agents].map(([id, w]) => entry('agent', id, w))) : null,
    places.size ? h('ul', { class: 'name-index' }, [...places].map(([id, w]) => entry('place', id, w))) : null);
}

function annotationList(annotations, notes) {
  if (!annotations.length) {
    return null;
  }
  const what = a => {
    switch (a.type) {
      case 'FOREIGN_TERM': return `${a.foreign_term.term}${a.foreign_term.script_form ? ` (${a.foreign_term.script_form})` : ''}`;
      case 'UNCERTAIN_READING': return `read as “${a.uncertain_reading.reading}”`;
      case 'GAP': return fmt.words(a.gap.reason);
      case 'SUPPLIED': return a.supplied?.reason || '';
      case 'MENTION': return a.mention.date ? fmt.edtf(a.mention.date) : a.mention.agent_id ? 'an agent' : 'a place';
      case 'MARGINALIA': return `${fmt.words(a.marginalia.kind)}${a.marginalia.transcription
        ? `: “${a.marginalia.transcription.text}”` : ''}`;
      default: return notes.has(a.id) ? `note ${notes.get(a.id).label}: ${a.note_text}` : a.note_text || '';
    }
  };
  return h('details', { class: 'annotation-list' },
    h('summary', null, `Every annotation (${annotations.length}), with its own URL`),
    h('table', null,
      h('thead', null, h('tr', null, ['Type', 'Words', 'What', 'URLs'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', null, annotations.map(a => h('tr', { dataset: { annotation: a.id } },
        h('td', null, fmt.words(a.type)),
        h('td', null, a.targets.map((t, i) => [i ? ' · ' : '', t.exact || '', t.status !== 'ANCHORED'
          ? ` (${fmt.words(t.status).toLowerCase()})` : ''])),
        h('td', null, what(a), isMarking(a) ? ' (drawn in the text)' : ''),
        h('td', null, h('a', { href: `/annotations/${a.id}` }, 'JSON'), ' · ',
          h('a', { href: `/web-annotations/${a.id}` }, 'Web Annotation')))))));
}

function exportsNav(doc, path) {
  const pageImages = (doc.media || []).some(m => m.media_type.toLowerCase().startsWith('image/')
    && /^https?:\/\//.test(m.url));
  const formats = [
    ['TEI P5', 'tei'], ['CSL-JSON', 'csl'], ['Formatted citation', 'citation'], ['BibTeX', 'bibtex'],
    ['schema.org (JSON-LD)', 'schema-org'], ['W3C Web Annotations', 'web-annotations'],
    pageImages && ['IIIF manifest', 'iiif-manifest'],
  ].filter(Boolean);
  return h('nav', { class: 'exports', 'aria-label': 'Exports of this document' },
    h('h2', null, 'Export'),
    h('ul', null, formats.map(([label, p]) => h('li', null, h('a', { href: `${path}/${p}`, dataset: { format: p } },
      label)))));
}

/** Preferred names and variants of every agent and place on the page, read once each. */
function fillNames(root) {
  const ids = (attr) => [...new Set([...root.querySelectorAll(`[data-${attr}]`)].map(e => e.dataset[camel(attr)]))];
  for (const id of ids('agent')) {
    api.agent(id).then(a => applyNames(root, 'agent', id, a)).catch(() => {});
  }
  for (const id of ids('place')) {
    api.place(id).then(p => applyNames(root, 'place', id, p)).catch(() => {});
  }
  for (const id of ids('subject')) {
    api.subject(id).then(s => root.querySelectorAll(`[data-subject="${id}"]`).forEach(e => {
      e.textContent = s.label;
    })).catch(() => {});
  }
  for (const id of ids('collection')) {
    api.collection(id).then(c => root.querySelectorAll(`[data-collection="${id}"]`).forEach(e => {
      e.textContent = c.title;
    })).catch(() => {});
  }
  for (const id of ids('document')) {
    api.cached(`/documents/${id}`).then(d => root.querySelectorAll(`a[data-document="${id}"]`).forEach(e => {
      e.title = d.title;
    })).catch(() => {});
  }
}

function camel(attr) {
  return attr.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

export function variantsOf(entity) {
  return entity.names.filter(n => n.value !== entity.preferred_name).map(n => n.value);
}

function applyNames(root, kind, id, entity) {
  const variants = variantsOf(entity);
  const title = `${entity.preferred_name}${variants.length ? ` — also ${variants.join(', ')}` : ''}`;
  root.querySelectorAll(`a[data-${kind}="${id}"]`).forEach(e => {
    e.title = title;
    if (e.textContent === 'a person' || e.textContent === 'a place') {
      e.textContent = entity.preferred_name;
    }
  });
  root.querySelectorAll(`[data-${kind}-name="${id}"]`).forEach(e => {
    if (e.classList.contains('preferred-name')) {
      if (e.previousElementSibling?.textContent !== entity.preferred_name) {
        e.textContent = ` (${entity.preferred_name})`;
      }
    } else {
      e.textContent = entity.preferred_name;
    }
  });
  root.querySelectorAll(`[data-${kind}-variants="${id}"]`).forEach(e => {
    e.textContent = variants.length ? `; other names: ${variants.join(', ')}` : '';
  });
}

async function fillCitation(root, path) {
  try {
    const c = await api.getJson(`${path}/citation`);
    const p = root.querySelector('.cite-as');
    p.querySelector('.citation').textContent = c.bibliography || c.citation;
    p.hidden = false;
  } catch (e) {
    // a document without a citation still reads
  }
}
