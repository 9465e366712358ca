// The lines from marginal notes to their words, drawn in SVG over a text column, and redrawn when it reflows.

import { svg } from './dom.js';

const observed = new WeakSet();

export function drawConnectors(column) {
  redraw(column);
  if (!observed.has(column) && 'ResizeObserver' in window) {
    observed.add(column);
    let pending = false;
    new ResizeObserver(() => {
      if (!pending) {
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          redraw(column);
        });
      }
    }).observe(column);
  }
}

function union(rects) {
  const list = [...rects].filter(r => r.width || r.height);
  if (!list.length) {
    return null;
  }
  return {
    left: Math.min(...list.map(r => r.left)),
    right: Math.max(...list.map(r => r.right)),
    top: Math.min(...list.map(r => r.top)),
    bottom: Math.max(...list.map(r => r.bottom)),
  };
}

function redraw(column) {
  column.querySelector(':scope > svg.connectors')?.remove();
  const placed = column.placed || [];
  const box = column.getBoundingClientRect();
  const layer = svg('svg', { class: 'connectors', 'aria-hidden': 'true', width: box.width, height: box.height,
    viewBox: `0 0 ${box.width} ${box.height}` },
  svg('defs', null, svg('marker', { id: `arrow-${column.dataset.text}`, viewBox: '0 0 10 10', refX: '9', refY: '5',
    markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z',
    class: 'arrowhead' }))));
  for (const { annotation, note, side } of placed) {
    const n = note.getBoundingClientRect();
    // stacked under the text on narrow screens: no line to draw
    if (!n.width || note.offsetParent === null || getComputedStyle(note).position === 'static'
        && getComputedStyle(note.parentElement).display === 'none') {
      continue;
    }
    const words = union([...column.querySelectorAll(`[data-marginal="${annotation.id}"]`)]
      .flatMap(e => [...e.getClientRects()]));
    if (!words) {
      continue;
    }
    const left = side === 'left';
    if (left ? n.right > words.left : n.left < words.right) {
      continue;
    }
    const x = (left ? words.left - 6 : words.right + 6) - box.left;
    const top = words.top - box.top;
    const bottom = words.bottom - box.top;
    const mid = (top + bottom) / 2;
    const from = { x: (left ? n.right + 3 : n.left - 3) - box.left, y: n.top - box.top + Math.min(n.height / 2, 24) };
    const connector = note.dataset.connector;
    const drawn = connector === 'LINE' || connector === 'ARROW';
    const tick = left ? 5 : -5;
    // a bracket beside the words the note concerns, and a line from the note to it
    layer.append(
      svg('path', { class: `bracket${drawn ? '' : ' faint'}`, d: `M${x + tick},${top} H${x} V${bottom} H${x + tick}`,
        dataset: { annotation: annotation.id } }),
      svg('path', { class: drawn ? 'connector' : 'leader', d: `M${from.x},${from.y} C${(from.x + x) / 2},${from.y} `
        + `${(from.x + x) / 2},${mid} ${x - (left ? 1 : -1)},${mid}`,
      'marker-end': connector === 'ARROW' ? `url(#arrow-${column.dataset.text})` : null,
      dataset: { annotation: annotation.id, connector } }));
  }
  column.append(layer);
}
