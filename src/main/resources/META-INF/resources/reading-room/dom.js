// Building the DOM without innerHTML: every string from the archive becomes a text node, never markup.

/**
 * h('a', {href: '#/', class: 'x'}, 'text', child, [more, children]): an element with its attributes and children.
 * Attributes: `class`, `dataset` (an object), `on` (event name → handler), `lang`; null and false are left out.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  if (!attrs) {
    return;
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        el.addEventListener(event, handler);
      }
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

/** Text visible to screen readers only. */
export function srOnly(text) {
  return h('span', { class: 'sr-only' }, text);
}

/** A search snippet with the server's «highlights» as <mark>. */
export function snippet(text) {
  const parts = [];
  const re = /«([^»]*)»/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    parts.push(text.slice(last, m.index), h('mark', null, m[1]));
    last = re.lastIndex;
  }
  parts.push(text.slice(last));
  return parts;
}
