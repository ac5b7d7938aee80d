/**
 * Chart page enhancer: applies the query (highlight, table) through url.ts, keeps the address bar
 * in step with what the reader does (history.replaceState; back/forward via popstate), and wires the
 * copy / Web Share buttons. Without JavaScript the page still shows the chart of its path.
 */
import { findView, hrefFor, readLocation, redraw, showNotices, type Current } from './view.ts';

const v = findView();
const page = document.querySelector<HTMLElement>('[data-chart-page]');

if (v && page) {
  const notice = page.querySelector('[data-notice]');
  const select = page.querySelector<HTMLSelectElement>('[data-highlight]');
  const details = page.querySelector<HTMLDetailsElement>('[data-table-toggle]');
  const shareUrl = page.querySelector<HTMLInputElement>('[data-share-url]');
  const copyStatus = page.querySelector('[data-copy-status]');
  const embedUrl = page.dataset.embedUrl ?? '';
  const origin = new URL(page.dataset.pageUrl ?? location.href).origin;
  let cur: Current = readLocation(v);
  let drawn = JSON.stringify(v.pathState);

  const sync = async (push: 'replace' | 'none') => {
    if (select) select.value = typeof cur.state.highlight === 'string' ? cur.state.highlight : '';
    if (details && details.open !== cur.table) details.open = cur.table;
    const href = hrefFor(v, cur, 'charts');
    if (push === 'replace' && href !== location.pathname + location.search) history.replaceState(null, '', href);
    if (shareUrl) shareUrl.value = new URL(href, origin).href;
    // Carry the minor state over to the sibling pages and the embed snippets.
    const minor = href.includes('?') ? href.slice(href.indexOf('?')) : '';
    for (const a of page.querySelectorAll<HTMLAnchorElement>('[data-switch]')) {
      a.search = minor;
    }
    const embedQuery = hrefFor(v, { state: cur.state, table: false }, 'embed');
    const embedMinor = embedQuery.includes('?') ? embedQuery.slice(embedQuery.indexOf('?')) : '';
    for (const t of page.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) {
      t.value = (t.dataset.snippet ?? '').split(`${embedUrl}"`).join(`${embedUrl}${embedMinor.replace(/&/g, '&amp;')}"`);
    }
    const key = JSON.stringify(cur.state);
    if (key !== drawn) {
      drawn = key;
      try {
        await redraw(v, cur.state);
      } catch {
        showNotices(notice, ['The chart could not be redrawn; it shows its default view.']);
      }
    }
    v.root.dataset.ready = 'true';
  };

  showNotices(notice, cur.notices);
  void sync(cur.notices.length ? 'replace' : 'none');

  select?.addEventListener('change', () => {
    const state = { ...cur.state };
    if (select.value && v.spec.highlight?.includes(select.value)) state.highlight = select.value;
    else delete state.highlight;
    cur = { ...cur, state, notices: [] };
    v.root.dataset.ready = 'false';
    void sync('replace');
  });
  details?.addEventListener('toggle', () => {
    if (details.open === cur.table) return;
    cur = { ...cur, table: details.open };
    void sync('replace');
  });
  window.addEventListener('popstate', () => {
    cur = readLocation(v);
    showNotices(notice, cur.notices);
    void sync('none');
  });

  // Copy buttons (shown only when the Clipboard API is there) and the Web Share API.
  for (const b of page.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    if (!navigator.clipboard) continue;
    b.hidden = false;
    b.addEventListener('click', async () => {
      const field = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(b.dataset.copy ?? '');
      if (!field) return;
      try {
        await navigator.clipboard.writeText(field.value);
        if (copyStatus) copyStatus.textContent = 'Copied to the clipboard.';
      } catch {
        field.select();
        if (copyStatus) copyStatus.textContent = 'Select the text and copy it.';
      }
    });
  }
  const shareBtn = page.querySelector<HTMLButtonElement>('[data-web-share]');
  if (shareBtn && typeof navigator.share === 'function') {
    shareBtn.hidden = false;
    shareBtn.addEventListener('click', () => {
      const title = v.root.querySelector('[data-title]')?.textContent ?? document.title;
      navigator.share({ title, url: shareUrl?.value ?? location.href }).catch(() => undefined);
    });
  }
}
