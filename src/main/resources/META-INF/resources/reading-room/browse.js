// Browsing: full-text search with its facets (/search/documents), the documents by date as a histogram
// (/dates/counts: years, then the months of a year, then the days of a month) and the timeline of a period
// (/timeline).

import * as api from './api.js';
import { h, append, clear, snippet, srOnly } from './dom.js';
import * as fmt from './format.js';

const FACETS = [
  ['kind', 'kind', 'Kind'],
  ['language', 'language', 'Language'],
  ['subject', 'subject_id', 'Subject'],
  ['collection', 'collection_id', 'Collection'],
  ['classification', 'classification', 'Classification'],
  ['has_translator_notes', 'has_translator_notes', 'Translator’s notes'],
  ['has_marginalia', 'has_marginalia', 'Marginalia'],
];
const SEARCH_PARAMS = ['q', 'sort', 'offset', 'date_from', 'date_to', 'participant_id', 'role',
  ...FACETS.map(f => f[1])];
const PAGE = 20;

/** A route to the search with these parameters; in the view of a period, the search stays in that period. */
export function searchRoute(params, base) {
  const query = new URLSearchParams();
  for (const name of [...SEARCH_PARAMS, 'basis']) {
    if (params[name] && !(name === 'basis' && params[name] === 'ANY')) {
      query.set(name, params[name]);
    }
  }
  const q = query.toString();
  if (base) {
    return q ? `${base}?${q}` : base;
  }
  return q ? `#/search?${q}` : '#/';
}

function firstDay(period) {
  const [y, m, d] = period.split('-');
  return `${y}-${m || '01'}-${d || '01'}`;
}

function lastDay(period) {
  const [y, m, d] = period.split('-');
  return `${y}-${m || '12'}-${d || pad(daysIn(y, m || 12))}`;
}

/** The home page and the search: the search panel and the dates panel, side by side on wide screens. */
export async function browseView(main, params, period) {
  const search = Object.fromEntries(SEARCH_PARAMS.map(n => [n, params.get(n) || '']));
  const basis = params.get('basis') || 'ANY';
  search.basis = basis;
  search.base = period ? `#/dates/${period}` : null;
  document.title = search.q ? `“${search.q}” · Fonds reading room` : period
    ? `${fmt.period(period)} · Fonds reading room` : 'Fonds reading room';
  const heading = h('h1', { id: 'browse-title', tabindex: '-1' }, period ? `Documents of ${fmt.period(period)}`
    : search.q ? `Search: ${search.q}` : 'Browse the archive');
  const form = searchForm(search);
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Searching…'));
  const facets = h('div', { class: 'facets' });
  const dates = h('section', { class: 'dates-panel', 'aria-labelledby': 'dates-title' });
  main.append(h('div', { class: 'browse' }, heading,
    h('section', { class: 'search-panel', 'aria-label': 'Search' }, form,
      h('div', { class: 'search-body' }, h('nav', { class: 'facet-nav', 'aria-label': 'Refine the search' }, facets),
        results)),
    dates));
  // in a period, the search lists the documents written in it
  const query = Object.fromEntries(SEARCH_PARAMS.map(n => [n, search[n]]));
  if (period && !query.date_from && !query.date_to) {
    query.date_from = firstDay(period);
    query.date_to = lastDay(period);
  }
  const searchDone = runSearch(search, query, results, facets, period);
  const datesDone = datesPanel(dates, period, basis);
  await Promise.all([searchDone, datesDone]);
  main.dataset.ready = 'browse';
}

function searchForm(search) {
  const input = h('input', { type: 'search', id: 'q', name: 'q', value: search.q, autocomplete: 'off',
    'aria-describedby': 'q-help', maxlength: '500' });
  const sort = h('select', { id: 'sort', name: 'sort' },
    h('option', { value: '' }, 'best match, or by date without words'),
    h('option', { value: 'RELEVANCE', selected: search.sort === 'RELEVANCE' }, 'best match'),
    h('option', { value: 'DATE', selected: search.sort === 'DATE' }, 'date'));
  const form = h('form', { role: 'search', class: 'search-form', action: '#/search',
    on: { submit: e => {
      e.preventDefault();
      location.hash = searchRoute({ ...search, q: input.value.trim(), sort: sort.value, offset: '' }, search.base);
    } } },
  h('label', { for: 'q' }, 'Search the documents'),
  h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Search')),
  h('p', { id: 'q-help', class: 'help' }, 'Words in any text, note or marginal comment, in English or Russian; ',
    h('code', null, '"a phrase"'), ', ', h('code', null, 'or'), ', ', h('code', null, '-without'), '.'),
  h('p', { class: 'sort-row' }, h('label', { for: 'sort' }, 'Order: '), sort));
  return form;
}

async function runSearch(search, query, results, facets, period) {
  let page;
  try {
    page = await api.getJson('/search/documents', { ...query, limit: PAGE });
  } catch (e) {
    clear(results).append(h('p', { class: 'error', role: 'alert' }, `The search failed: ${e.message}`));
    return;
  }
  append(clear(results), [
    h('h2', { class: 'sr-only' }, 'Results'),
    h('p', { class: 'total' }, page.total === 0 ? `No document${period ? ` written in ${fmt.period(period)}` : ''} matches.`
      : `${page.counts_capped ? 'More than ' : ''}${fmt.count(page.total, 'document')}`
        + (period ? ` written in ${fmt.period(period)}` : '')
        + (page.offset ? `, from the ${page.offset + 1}th` : '')),
    h('ol', { class: 'hits', start: String((page.offset || 0) + 1) }, page.items.map(hit)),
    pager(search, page)]);
  clear(facets).append(...FACETS.map(([name, param, label]) => facet(search, page.facets?.[name], param, label))
    .filter(Boolean));
}

function hit(d) {
  const meta = [fmt.words(d.kind), d.date ? fmt.edtf(d.date) : 'undated',
    d.classification, d.languages?.map(l => fmt.language(l)).join(', ')].filter(Boolean).join(' · ');
  return h('li', { class: 'hit', dataset: { document: d.id } },
    h('h3', null, h('a', { href: `#/documents/${d.id}` }, d.title)),
    h('p', { class: 'meta' }, meta),
    d.matches?.length ? h('ul', { class: 'matches' }, d.matches.slice(0, 3).map(m => h('li', null,
      h('span', { class: 'field' }, `${fmt.words(m.annotation_type || m.field)}${m.language
        ? ` (${fmt.language(m.language)})` : ''}: `),
      m.snippet ? snippet(m.snippet) : null))) : null);
}

function pager(search, page) {
  const prev = page.offset > 0 ? Math.max(0, page.offset - page.limit) : null;
  if (prev === null && page.next_offset == null) {
    return null;
  }
  return h('nav', { class: 'pager', 'aria-label': 'Pages of results' },
    prev !== null ? h('a', { href: searchRoute({ ...search, offset: prev ? String(prev) : '' }, search.base),
      rel: 'prev' }, 'Previous results') : null,
    page.next_offset != null ? h('a', { href: searchRoute({ ...search, offset: String(page.next_offset) }, search.base),
      rel: 'next' }, 'More results') : null);
}

function facetLabel(param, value, label) {
  if (label) {
    return label;
  }
  if (param === 'kind') {
    return fmt.words(value);
  }
  if (param === 'language') {
    return fmt.language(value);
  }
  if (value === 'true') {
    return 'with';
  }
  if (value === 'false') {
    return 'without';
  }
  return value;
}

function facet(search, values, param, label) {
  if (!values?.length && !search[param]) {
    return null;
  }
  const id = `facet-${param}`;
  return h('section', { class: 'facet', 'aria-labelledby': id },
    h('h2', { id }, label),
    h('ul', null, (values || []).map(v => {
      const selected = search[param] === v.value;
      return h('li', null, h('a', {
        href: searchRoute({ ...search, [param]: selected ? '' : v.value, offset: '' }, search.base),
        class: selected ? 'selected' : null, 'aria-current': selected ? 'true' : null,
        dataset: { facet: param, value: v.value },
      }, selected ? h('span', { 'aria-hidden': 'true' }, '✓ ') : null, facetLabel(param, v.value, v.label),
      ' ', h('span', { class: 'count' }, `(${v.count})`), selected ? srOnly(', selected: select to remove') : null));
    })));
}

// --- dates -------------------------------------------------------------------------------------------------

function daysIn(year, month) {
  return new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
}

const pad = n => String(n).padStart(2, '0');

/** The periods the histogram of a period shows, zeros included: the years between the first and the last. */
function periods(period, buckets) {
  if (!period) {
    const years = buckets.map(b => Number(b.period));
    if (!years.length) {
      return [];
    }
    const first = Math.min(...years);
    const last = Math.max(...years);
    if (last - first > 300) {
      return buckets.map(b => b.period);
    }
    return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  }
  const [y, m] = period.split('-');
  if (!m) {
    return Array.from({ length: 12 }, (_, i) => `${y}-${pad(i + 1)}`);
  }
  return Array.from({ length: daysIn(y, m) }, (_, i) => `${y}-${m}-${pad(i + 1)}`);
}

function countsQuery(period) {
  if (!period) {
    return { granularity: 'YEAR' };
  }
  const [y, m] = period.split('-');
  return m ? { granularity: 'DAY', from: `${y}-${m}`, to: `${y}-${m}` } : { granularity: 'MONTH', from: y, to: y };
}

function datesRoute(period, basis) {
  const q = basis && basis !== 'ANY' ? `?basis=${basis}` : '';
  return period ? `#/dates/${period}${q}` : `#/${q ? `dates${q}` : ''}`;
}

async function datesPanel(panel, period, basis) {
  // a day shows the days of its month, with the day selected
  const shown = period && period.split('-').length === 3 ? period.slice(0, 7) : period;
  const crumbs = [h('a', { href: datesRoute(null, basis) }, 'All years')];
  if (shown) {
    const [y, m] = shown.split('-');
    crumbs.push(h('a', { href: datesRoute(y, basis), 'aria-current': m ? null : 'page' }, y));
    if (m) {
      crumbs.push(h('a', { href: datesRoute(shown, basis), 'aria-current': period === shown ? 'page' : null },
        fmt.period(shown).split(' ')[0]));
    }
    if (period !== shown) {
      crumbs.push(h('span', { 'aria-current': 'page' }, String(Number(period.slice(8)))));
    }
  }
  const basisSelect = h('select', { id: 'basis', on: { change: e => {
    location.hash = datesRoute(period, e.target.value);
  } } }, [['ANY', 'written or mentioned'], ['WRITTEN', 'written'], ['MENTIONED', 'mentioned']]
    .map(([v, l]) => h('option', { value: v, selected: basis === v }, l)));
  const chart = h('div', { class: 'histogram-frame' }, h('p', { class: 'loading' }, 'Counting…'));
  panel.append(
    h('h2', { id: 'dates-title' }, 'Documents by date'),
    h('nav', { class: 'crumbs', 'aria-label': 'Period' }, h('ol', null, crumbs.map(c => h('li', null, c)))),
    h('p', { class: 'basis-row' }, h('label', { for: 'basis' }, 'Dates the documents were '), basisSelect),
    chart);
  const timeline = period ? h('section', { class: 'timeline', 'aria-labelledby': 'timeline-title' }) : null;
  if (timeline) {
    panel.append(timeline);
  }
  let counts;
  try {
    counts = await api.getJson('/dates/counts', { ...countsQuery(shown), basis });
  } catch (e) {
    clear(chart).append(h('p', { class: 'error', role: 'alert' }, `The counts could not be read: ${e.message}`));
    return;
  }
  clear(chart).append(histogram(shown, counts, basis, period));
  if (timeline) {
    await timelineSection(timeline, period, period, `The timeline of ${fmt.period(period)}`);
  }
}

function histogram(shown, counts, basis, selected) {
  const byPeriod = new Map(counts.buckets.map(b => [b.period, b.count]));
  const all = periods(shown, counts.buckets);
  if (!all.length) {
    return h('p', { class: 'empty' }, 'No dated documents.');
  }
  const max = Math.max(1, ...byPeriod.values());
  const unit = !shown ? 'year' : shown.includes('-') ? 'day' : 'month';
  const label = p => (unit === 'year' ? p : unit === 'month' ? fmt.monthShort(p) : String(Number(p.slice(8))));
  const caption = !shown ? 'Documents per year' : `Documents per ${unit} of ${fmt.period(shown)}`;
  const list = h('ol', { class: `histogram histogram-${unit}`, 'aria-label': caption },
    all.map(p => {
      const n = byPeriod.get(p) || 0;
      const fill = h('span', { class: 'bar-fill' });
      fill.style.height = `${(n / max) * 100}%`;
      const text = `${fmt.period(p)}: ${fmt.count(n, 'document')}`;
      const bar = n
        ? h('a', { class: `bar${selected === p ? ' selected' : ''}`, href: datesRoute(p, basis),
          title: text, 'aria-label': text, 'aria-current': selected === p ? 'true' : null,
          dataset: { period: p, count: n } }, fill)
        : h('span', { class: 'bar empty', title: text, dataset: { period: p, count: 0 } }, fill,
          srOnly(text));
      return h('li', { class: 'bar-item' }, bar, h('span', { class: 'bar-label', 'aria-hidden': 'true' }, label(p)));
    }));
  return h('figure', { class: 'histogram-figure' }, list,
    h('figcaption', null, caption, unit === 'day' ? '' : ` (select a ${unit} to see its ${unit === 'year'
      ? 'months' : 'days'})`));
}

// --- timeline ----------------------------------------------------------------------------------------------

/** The timeline route: #/timeline?from=1950-06-21&to=1950-06-30. */
export async function timelineView(main, params) {
  const from = params.get('from');
  const to = params.get('to') || from;
  const title = from === to ? fmt.period(from) : `${fmt.period(from)} – ${fmt.period(to)}`;
  document.title = `${title} · Fonds reading room`;
  const section = h('section', { class: 'timeline', 'aria-labelledby': 'timeline-title' });
  main.append(h('div', { class: 'timeline-page' },
    h('p', { class: 'crumbs-inline' }, h('a', { href: datesRoute(from.slice(0, 7)) }, `All of ${fmt.period(from.slice(0,
      7))}`)), section));
  await timelineSection(section, from, to, `Timeline: ${title}`, 'h1');
  main.dataset.ready = 'timeline';
}

async function timelineSection(section, from, to, title, level = 'h3') {
  const list = h('ol', { class: 'timeline-list' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Later entries');
  const summary = h('p', { class: 'timeline-summary' });
  section.append(h(level, { id: 'timeline-title', tabindex: '-1' }, title), summary, list, more);
  let cursor = null;
  const load = async () => {
    let page;
    try {
      page = await api.getJson('/timeline', { from, to, limit: 50, cursor });
    } catch (e) {
      section.append(h('p', { class: 'error', role: 'alert' }, `The timeline could not be read: ${e.message}`));
      return;
    }
    summary.textContent = `${fmt.count(page.written, 'document')} written, ${fmt.count(page.mentioned, 'date')}`
      + ' mentioned in documents.';
    list.append(...page.items.map(entry));
    cursor = page.next;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  await load();
}

function entry(e) {
  const date = h('time', { datetime: e.date_range?.earliest === e.date_range?.latest ? e.date_range?.earliest : null },
    fmt.edtf(e.date));
  const doc = h('a', { href: `#/documents/${e.document.id}` }, e.document.title);
  return h('li', { class: `entry entry-${e.kind.toLowerCase()}`, dataset: { kind: e.kind } },
    h('span', { class: 'entry-date' }, date),
    e.kind === 'WRITTEN'
      ? h('span', { class: 'entry-body' }, h('span', { class: 'entry-kind' }, `${fmt.words(e.document.kind)} written: `),
        doc)
      : h('span', { class: 'entry-body' }, h('span', { class: 'entry-kind' }, 'Mentioned'),
        e.quote ? [' as ', h('q', null, e.quote)] : null, ' in ', doc));
}
