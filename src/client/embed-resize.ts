/**
 * Embed page enhancer: reads the address through url.ts (an old `?highlight=` embed, migrated,
 * is redrawn in place: the host page keeps its iframe), then tells the host page how
 * tall the embed is, in NPR pym.js's message format (`pymxPYMx<id>xPYMxheightxPYMx<px>`), which
 * pym.js parents and our /embed.js both understand. The height is the wrapper's, re-sent whenever
 * it changes (ResizeObserver), on load and when fonts arrive.
 */
import { findView, readLocation, redraw, retargetStateLinks, showNotices } from './view.ts';

const params = new URLSearchParams(location.search);
const rawId = params.get('childId') ?? '';
const childId = /^[A-Za-z0-9_-]{1,64}$/.test(rawId) ? rawId : '';
const wrapper = document.querySelector<HTMLElement>('[data-embed-root]');

let last = -1;
/**
 * The height the content takes in its natural flow. The page's own layout fits whatever height the
 * iframe has (the chart scales into the space the words leave; see the embed page's CSS), so its
 * box is the iframe's height: measure with the flow layout switched on for the moment of reading.
 */
function naturalHeight(el: HTMLElement): number {
  el.classList.add('embed--flow');
  const h = el.getBoundingClientRect().height;
  el.classList.remove('embed--flow');
  return h;
}
function send() {
  if (!wrapper || window.parent === window) return;
  const h = Math.ceil(naturalHeight(wrapper));
  if (h === last) return;
  last = h;
  window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${h}`, '*');
}

if (wrapper) {
  new ResizeObserver(send).observe(wrapper);
  window.addEventListener('load', send);
  window.addEventListener('resize', send);
  void document.fonts?.ready.then(send);
  // pym.js parents ask for the height again after their own resizes.
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && typeof e.data === 'string' && e.data.includes('xPYMxwidthxPYMx')) {
      last = -1;
      send();
    }
  });
  send();
}

const v = findView();
if (v) {
  const cur = readLocation(v);
  showNotices(document.querySelector('[data-notice]'), cur.notices);
  if (JSON.stringify(cur.state) !== JSON.stringify(v.pathState)) {
    retargetStateLinks(v, document, cur.state);
    redraw(v, cur.state)
      .catch(() => showNotices(document.querySelector('[data-notice]'), ['The chart could not be redrawn.']))
      .finally(() => {
        v.root.dataset.ready = 'true';
        send();
      });
  } else v.root.dataset.ready = 'true';
}
