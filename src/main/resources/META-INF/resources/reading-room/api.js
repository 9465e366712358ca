// The only way the reading room reads the archive: the public JSON API, on the same origin, as anyone may.

/** A problem (RFC 9457) the API answered with, or a failure to reach it. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

let calls = [];
const listeners = new Set();

/** The API calls made since the last reset (each view resets), for the footer that shows them. */
export function resetCalls() {
  calls = [];
  listeners.forEach(l => l(calls));
}

export function onCalls(listener) {
  listeners.add(listener);
}

/** A path with its query: url('/documents', {kind: 'CABLE', q: null}) → '/documents?kind=CABLE'. */
export function url(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      query.append(name, String(v));
    }
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

async function request(path, params, accept) {
  const target = url(path, params);
  calls.push(target);
  listeners.forEach(l => l(calls));
  let response;
  try {
    response = await fetch(target, { headers: { Accept: accept }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: 'The API could not be reached', detail: String(e) }, target);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem, target);
  }
  return response;
}

/** GET a resource of another media type as text; rejects with ApiError on a problem. */
export async function getText(path, accept) {
  return (await request(path, {}, accept)).text();
}

/** GET a JSON resource; rejects with ApiError on a problem. */
export async function getJson(path, params) {
  return (await request(path, params, 'application/json')).json();
}

// Agents and places are read once per page load, however often they are mentioned.
const cache = new Map();

export function cached(path) {
  if (!cache.has(path)) {
    const p = getJson(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return cache.get(path);
}

export const agent = id => cached(`/agents/${encodeURIComponent(id)}`);
export const place = id => cached(`/places/${encodeURIComponent(id)}`);
export const subject = id => cached(`/subjects/${encodeURIComponent(id)}`);
export const collection = id => cached(`/collections/${encodeURIComponent(id)}`);
