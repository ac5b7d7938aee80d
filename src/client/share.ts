/**
 * Chart page enhancer. Every state a reader can pick is a prerendered page (url.ts), so this only
 * has to keep the page in step when it changes state in place: picking an area to highlight redraws
 * the chart (view.ts) and points the address bar (history.replaceState), the share link, the embed
 * snippets, the citation, the downloads and the switches at the highlighted state's page. An old
 * link whose state lives in another page's path (`?highlight=…`, migrated by url.ts) moves to that
 * page. Also wires the table toggle and the copy / Web Share buttons. Without JavaScript the page
 * still shows, shares and downloads the state of its path.
 */
import { downloadFileName } from '../share/file-names.ts';
import { statePath, viewHref } from '../state/url.ts';
import { findView, hrefFor, readLocation, redraw, retargetStateLinks, showNotices, type Current, type ViewEl } from './view.ts';

const v = findView();
const page = document.querySelector<HTMLElement>('[data-chart-page]');

if (v && page) {
  const cur = readLocation(v);
  if (statePath(v.spec, cur.state) !== location.pathname) location.replace(hrefFor(v, cur, 'charts') + location.hash);
  else enhance(v, page, cur);
}

function enhance(v: ViewEl, page: HTMLElement, first: Current) {
  let cur = first;
  const notice = page.querySelector('[data-notice]');
  const select = page.querySelector<HTMLSelectElement>('[data-highlight]');
  const details = page.querySelector<HTMLDetailsElement>('[data-table-toggle]');
  const shareUrl = page.querySelector<HTMLInputElement>('[data-share-url]');
  const copyStatus = page.querySelector('[data-copy-status]');
  const pngLink = page.querySelector<HTMLAnchorElement>('[data-png-download]');
  const svgLink = page.querySelector<HTMLAnchorElement>('[data-svg-download]');
  // What the build wrote: absolute URLs of this page and its embed, at the build's origin.
  const builtPage = page.dataset.pageUrl ?? location.href;
  const builtEmbed = page.dataset.embedUrl ?? '';
  // Links and snippets a reader copies name the origin this page was served from, whatever origin
  // the build wrote (SITE_URL, or the preview's address when it was not set).
  const origin = location.origin;
  const builtOrigin = new URL(builtPage).origin;
  const here = (text: string) => (builtOrigin === origin ? text : text.split(builtOrigin).join(origin));
  const at = (href: string) => new URL(href, builtOrigin).href;
  let drawn = JSON.stringify(v.pathState);
  // The area select works only with this script; the note saying so is for readers without it.
  for (const el of page.querySelectorAll<HTMLElement>('[data-highlight-control]')) el.hidden = false;
  for (const el of page.querySelectorAll<HTMLElement>('[data-highlight-nojs]')) el.hidden = true;

  const sync = async (push: 'replace' | 'none') => {
    if (select) select.value = typeof cur.state.highlight === 'string' ? cur.state.highlight : '';
    if (details && details.open !== cur.table) details.open = cur.table;
    const href = hrefFor(v, cur, 'charts');
    if (push === 'replace' && href !== location.pathname + location.search) history.replaceState(null, '', href);
    if (shareUrl) shareUrl.value = new URL(href, origin).href;
    // Switches keep the rest of the state (highlight, table) and change their own key.
    for (const a of page.querySelectorAll<HTMLAnchorElement>('a[data-switch]')) {
      const key = a.dataset.switch ?? '';
      const value = a.dataset.switchValue ?? '';
      const state = { ...cur.state };
      if (value) state[key] = value;
      else delete state[key];
      a.href = viewHref(v.spec, state, cur.table);
      const current = value ? cur.state[key] === value : cur.state[key] === undefined;
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    // Snippets, citation and downloads name the page of the state shown.
    const nowPage = at(statePath(v.spec, cur.state));
    const nowEmbed = at(hrefFor(v, { state: cur.state, table: false }, 'embed'));
    for (const t of page.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) {
      const built = t.dataset.snippet ?? '';
      t.value = here(built.split(`${builtEmbed}"`).join(`${nowEmbed.replace(/&/g, '&amp;')}"`).split(builtPage).join(nowPage));
    }
    for (const el of page.querySelectorAll<HTMLElement>('[data-cite-text]')) {
      el.dataset.builtText ??= el.textContent ?? '';
      el.textContent = here(el.dataset.builtText.split(builtPage).join(nowPage));
    }
    retargetStateLinks(v, page, cur.state);
    // The note that other measures drop the highlight shows only while there is one.
    for (const el of page.querySelectorAll<HTMLElement>('[data-highlight-drop]')) el.hidden = !cur.state.highlight;
    if (pngLink) {
      pngLink.dataset.pngDownload = `${statePath(v.spec, cur.state)}chart.svg`;
      pngLink.download = downloadFileName(v.spec.id, cur.state, 'png');
    }
    if (svgLink) svgLink.download = downloadFileName(v.spec.id, cur.state, 'svg');
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
    showNotices(notice, []);
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
      a.download = pngLink.download || 'chart.png';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch {
      location.href = pngLink.href;
    }
  });
}
