// The reading room: a client of the Fonds API in plain ES modules. Routes live in the fragment (#/documents/…),
// so the server only ever serves these static files; every view reads the archive through the JSON API.

import * as api from './api.js';
import { h, clear } from './dom.js';
import { browseView, timelineView } from './browse.js';
import { documentView } from './document.js';
import { agentView, placeView } from './entity.js';

const ROUTES = [
  [/^\/?$/, (main, m, params) => browseView(main, params, null)],
  [/^\/search$/, (main, m, params) => browseView(main, params, null)],
  [/^\/dates$/, (main, m, params) => browseView(main, params, null)],
  [/^\/dates\/([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)$/, (main, m, params) => browseView(main, params, m[1])],
  [/^\/timeline$/, (main, m, params) => timelineView(main, params)],
  [/^\/documents\/([^/]+)$/, (main, m) => documentView(main, decodeURIComponent(m[1]))],
  [/^\/agents\/([^/]+)$/, (main, m) => agentView(main, decodeURIComponent(m[1]))],
  [/^\/places\/([^/]+)$/, (main, m) => placeView(main, decodeURIComponent(m[1]))],
];

const main = document.getElementById('main');
let generation = 0;
let first = true;

async function route() {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const mine = ++generation;
  api.resetCalls();
  clear(main);
  document.head.querySelectorAll('script[data-schema-org]').forEach(e => e.remove());
  delete main.dataset.ready;
  delete main.dataset.renderMs;
  delete main.dataset.pageMs;
  delete main.dataset.fetchMs;
  delete main.dataset.drawMs;
  // each view renders into its own container, so a slow view cannot write into the next one
  const view = h('div', { class: 'view' });
  main.append(view);
  const found = ROUTES.map(([re, render]) => [re.exec(path || '/'), render]).find(([m]) => m);
  try {
    if (!found) {
      throw new api.ApiError(404, { title: 'Not found', detail: `The reading room has no page ${hash}.` }, hash);
    }
    await found[1](view, found[0], params);
    if (mine === generation) {
      // the view's state (data-ready, data-render-ms) on <main>, for tests and measurements
      Object.assign(main.dataset, { ready: 'view' }, view.dataset);
    }
  } catch (e) {
    if (mine !== generation) {
      return;
    }
    clear(view).append(problem(e));
    main.dataset.ready = 'problem';
    console.info('reading room:', e.message);
  }
  if (mine === generation && !first) {
    // a new page: say so to screen readers by moving focus to its heading
    (view.querySelector('h1') || main).focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }
  first = false;
}

function problem(e) {
  const status = e.status;
  const title = status === 404 ? 'Not found' : status === 410 ? 'Deleted'
    : status === 0 ? 'The archive cannot be reached' : 'Something went wrong';
  return h('section', { class: 'problem', 'aria-labelledby': 'problem-title', dataset: { status: String(status) } },
    h('h1', { id: 'problem-title', tabindex: '-1' }, title),
    h('p', null, status === 404 ? 'There is no such page, or the document is not published. '
      : status === 410 ? 'This was deleted from the archive. ' : '', e.problem?.detail || e.message),
    e.problem?.type ? h('p', null, 'The API’s answer: ', h('a', { href: e.problem.type }, e.problem.type)) : null,
    h('p', null, h('a', { href: '#/' }, 'Browse the archive')));
}

// In-page links (#note-3, #main) must not replace the route: move focus to their target instead.
document.addEventListener('click', e => {
  const a = e.target.closest('a[href^="#"]');
  if (!a || a.getAttribute('href').startsWith('#/') || a.getAttribute('href') === '#') {
    return;
  }
  const target = document.getElementById(a.getAttribute('href').slice(1));
  if (target) {
    e.preventDefault();
    if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
});

const callsList = document.getElementById('calls-list');
const callsSummary = document.getElementById('calls-summary');
api.onCalls(calls => {
  clear(callsList).append(...calls.map(c => h('li', null, h('code', null, 'GET '), h('a', { href: c }, c))));
  callsSummary.textContent = calls.length ? `This page made ${calls.length} API call${calls.length === 1 ? '' : 's'}.`
    : '';
});

window.addEventListener('hashchange', route);
route();
