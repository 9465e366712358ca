// An agent's or a place's page: the variants of its names, its offices, identifiers and documents by role.

import * as api from './api.js';
import { h, srOnly } from './dom.js';
import * as fmt from './format.js';

const AUTHORITIES = {
  WIKIDATA: v => `https://www.wikidata.org/wiki/${v}`,
  VIAF: v => `https://viaf.org/viaf/${v}`,
  GND: v => `https://d-nb.info/gnd/${v}`,
  LCNAF: v => `https://id.loc.gov/authorities/names/${v}`,
  ORCID: v => `https://orcid.org/${v}`,
  GEONAMES: v => `https://www.geonames.org/${v}`,
};

function names(entity) {
  return h('section', { 'aria-labelledby': 'names-title' },
    h('h2', { id: 'names-title' }, 'Names'),
    h('table', { class: 'names-table' },
      h('thead', null, h('tr', null, ['Name', 'Language and script', 'Transliteration', ''].map(c =>
        h('th', { scope: 'col' }, c)))),
      h('tbody', null, entity.names.map(n => h('tr', { class: n.preferred ? 'preferred' : null },
        h('td', { lang: n.language || null }, n.value),
        h('td', null, n.language ? `${fmt.language(n.language)} (${n.language})` : ''),
        h('td', null, n.transliteration || ''),
        h('td', null, n.preferred ? 'preferred' : ''))))));
}

function identifiers(entity) {
  if (!entity.identifiers?.length) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'ids-title' },
    h('h2', { id: 'ids-title' }, 'Identifiers'),
    h('ul', null, entity.identifiers.map(i => h('li', null, `${fmt.words(i.scheme)}: `,
      AUTHORITIES[i.scheme] ? h('a', { href: AUTHORITIES[i.scheme](encodeURIComponent(i.value)), rel: 'noopener' },
        i.value) : i.value))));
}

function documentList(items) {
  return h('ul', { class: 'doc-list' }, items.map(d => h('li', { dataset: { document: d.id } },
    h('a', { href: `#/documents/${d.id}` }, d.title), ' ',
    h('span', { class: 'meta' }, `${fmt.words(d.kind)}${d.date ? `, ${fmt.edtf(d.date)}` : ''}`))));
}

function header(kind, entity, path) {
  return [
    h('p', { class: 'doc-kind' }, kind),
    h('h1', { id: 'entity-title', tabindex: '-1' }, entity.preferred_name),
    h('p', { class: 'resource-links' }, 'In JSON: ', h('a', { href: path }, path), ' · ',
      h('a', { href: `${path}/revisions` }, 'its revisions')),
  ];
}

export async function agentView(main, id) {
  const path = `/agents/${encodeURIComponent(id)}`;
  const agent = await api.getJson(path);
  document.title = `${agent.preferred_name} · Fonds reading room`;
  const offices = agent.offices?.length ? h('section', { 'aria-labelledby': 'offices-title' },
    h('h2', { id: 'offices-title' }, 'Offices'),
    h('ul', null, agent.offices.map(o => h('li', null, o.title,
      o.organisation_id ? [', ', h('a', { href: `#/agents/${o.organisation_id}`, dataset: { organisation: o.organisation_id } },
        'organisation')] : null,
      o.start || o.end ? ` (${o.start ? fmt.edtf(o.start) : '…'} – ${o.end ? fmt.edtf(o.end) : '…'})` : null)))) : null;
  const documents = h('section', { class: 'by-role', 'aria-labelledby': 'docs-title' },
    h('h2', { id: 'docs-title' }, 'Documents'), h('p', { class: 'loading' }, 'Reading…'));
  main.append(h('article', { class: 'entity', 'aria-labelledby': 'entity-title' },
    header(fmt.words(agent.type), agent, path),
    agent.existence ? h('p', null, 'Dates: ', fmt.edtf(agent.existence)) : null,
    agent.note ? h('p', { class: 'note' }, agent.note) : null,
    names(agent), offices, identifiers(agent), documents));
  for (const a of main.querySelectorAll('[data-organisation]')) {
    api.agent(a.dataset.organisation).then(o => { a.textContent = o.preferred_name; }).catch(() => {});
  }
  // one list per role (GET /documents?participant_id=…&role=…), read in parallel
  const lists = await Promise.all(fmt.ROLE_ORDER.map(role => api.getJson('/documents',
    { participant_id: id, role, limit: 100 }).then(page => [role, page]).catch(() => [role, null])));
  documents.querySelector('.loading').remove();
  const found = lists.filter(([, page]) => page?.items?.length);
  if (!found.length) {
    documents.append(h('p', { class: 'empty' }, 'No published document names them as a participant.'));
  }
  for (const [role, page] of found) {
    const hid = `role-${role.toLowerCase()}`;
    documents.append(h('section', { class: 'role', 'aria-labelledby': hid, dataset: { role } },
      h('h3', { id: hid }, fmt.roleOfDocuments(role)), documentList(page.items),
      page.next ? h('p', null, h('a', { href: api.url('/documents', { participant_id: id, role, limit: 100 }) },
        'More, in the API')) : null));
  }
  main.dataset.ready = 'agent';
}

export async function placeView(main, id) {
  const path = `/places/${encodeURIComponent(id)}`;
  const place = await api.getJson(path);
  document.title = `${place.preferred_name} · Fonds reading room`;
  const where = place.latitude != null && place.longitude != null
    ? h('p', null, 'Coordinates: ', h('a', { href: `https://www.openstreetmap.org/?mlat=${place.latitude}`
      + `&mlon=${place.longitude}#map=10/${place.latitude}/${place.longitude}`, rel: 'noopener' },
    `${place.latitude}, ${place.longitude}`), srOnly(' (OpenStreetMap)')) : null;
  const documents = h('section', { class: 'by-role', 'aria-labelledby': 'docs-title' },
    h('h2', { id: 'docs-title' }, 'Documents'), h('p', { class: 'loading' }, 'Reading…'));
  main.append(h('article', { class: 'entity', 'aria-labelledby': 'entity-title' },
    header('Place', place, path), where, place.note ? h('p', { class: 'note' }, place.note) : null,
    names(place), identifiers(place), documents));
  // written there: GET /documents?place_id=…; naming the place in any of its variants: a full-text search
  const q = place.names.map(n => `"${n.value.replaceAll('"', '')}"`).slice(0, 10).join(' or ');
  const [written, named] = await Promise.all([
    api.getJson('/documents', { place_id: id, limit: 100 }).catch(() => null),
    api.getJson('/search/documents', { q, sort: 'DATE', limit: 100 }).catch(() => null)]);
  documents.querySelector('.loading').remove();
  documents.append(
    written?.items?.length ? h('section', { class: 'role', 'aria-labelledby': 'role-written', dataset: { role: 'WRITTEN' } },
      h('h3', { id: 'role-written' }, 'Written here'), documentList(written.items),
      written.next ? h('p', null, h('a', { href: api.url('/documents', { place_id: id, limit: 100 }) },
        'More, in the API')) : null)
      : h('p', { class: 'empty' }, 'No published document was written here.'),
    named?.items?.length ? h('section', { class: 'role', 'aria-labelledby': 'role-named', dataset: { role: 'NAMED' } },
      h('h3', { id: 'role-named' }, 'Naming the place'),
      h('p', { class: 'help' }, 'Documents whose texts, titles or notes name the place in one of its names (', h('a', {
        href: `#/search?q=${encodeURIComponent(q)}` }, 'a full-text search'), ').'), documentList(named.items))
      : h('p', { class: 'empty' }, 'No published document names it.'));
  main.dataset.ready = 'place';
}
