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
  // Links and snippets a reader copies name the origin this page was served from, whatever origin
  // the build wrote (SITE_URL, or the preview's address when it was not set).
  const origin = location.origin;
  const builtOrigin = new URL(page.dataset.pageUrl ?? location.href).origin;
  const here = (text: string) => (builtOrigin === origin ? text : text.split(builtOrigin).join(origin));
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
      t.value = here((t.dataset.snippet ?? '').split(`${embedUrl}"`).join(`${embedUrl}${embedMinor.replace(/&/g, '&amp;')}"`));
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

// PNG download: rasterise the self-contained chart.svg at 2× in the browser (the build renders only
// the share cards). Without JavaScript the link downloads the 1200×630 share card instead.
const pngLink = document.querySelector<HTMLAnchorElement>('[data-png-download]');
if (pngLink) {
  const note = document.querySelector('[data-png-note]');
  if (note) note.textContent = '(2× article width)';
  pngLink.addEventListener('click', async (e) => {
    e.preventDefault();
    try {
      const svgText = await (await fetch(pngLink.dataset.pngDownload ?? '')).text();
      const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
      const img = new Image();
      await new Promise((ok, fail) => {
        img.onload = ok;
        img.onerror = fail;
        img.src = url;
      });
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
      if (!blob) throw new Error('no PNG');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'chart.png';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch {
      location.href = pngLink.href;
    }
  });
}
