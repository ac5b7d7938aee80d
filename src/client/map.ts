/**
 * Browser enhancer for the England map (src/components/map/EnglandMap.astro). The map works
 * without it; this adds:
 * - a tooltip naming the area under the pointer or keyboard focus, with its change;
 * - for touch (a finger has no hover): the first tap on a marker selects it and opens a preview
 *   card (name, local authority, change, "Open area page", and the other areas whose dots lie
 *   within 24 px, as buttons, since such dots cannot be told apart by a finger); a second tap on
 *   it, or the link, opens the page; a tap elsewhere, Close or Escape closes the card. Mouse
 *   clicks and Enter still open the page at once;
 * - zoom to a region (sets the map frame's viewBox to the region's box, markers keep their size);
 * - one tab stop for all 150 markers, arrow keys to move to the nearest marker in that direction,
 *   Home/End, Enter to open (the markers are links);
 * - polite live announcements for the measure, the zoom and how to use the keys.
 */
import { fmtPp } from '../charts/format.ts';

const MEASURE_WORDS: Record<string, string> = {
  very_good: 'very good health',
  bad_or_very_bad: 'bad or very bad health',
};

function enhance(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = 'true';
  const svg = root.querySelector<SVGSVGElement>('svg.emap');
  const frame = root.querySelector<SVGSVGElement>('svg.emap-frame');
  const tooltip = root.querySelector<HTMLElement>('[data-emap-tooltip]');
  const live = root.querySelector<HTMLElement>('[data-emap-live]');
  const preview = root.querySelector<HTMLElement>('[data-emap-preview]');
  const help = root.querySelector<HTMLElement>('[data-emap-help]');
  const zoom = root.querySelector<HTMLElement>('[data-emap-zoom]');
  const select = zoom?.querySelector('select');
  if (!svg || !frame || !tooltip || !live) return;
  const markers = Array.from(frame.querySelectorAll<SVGAElement>('a.emap-marker'));
  const baseBox = frame.getAttribute('viewBox') ?? '';
  const baseRadius = Number(markers[0]?.querySelector('circle')?.getAttribute('r') ?? 4.5);
  if (help) help.hidden = false;

  const announce = (text: string) => {
    live.textContent = '';
    // A fresh text node after a tick makes screen readers announce repeated messages too.
    window.setTimeout(() => (live.textContent = text), 50);
  };
  const measure = () => root.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? 'very_good';

  // ---- Measure toggle: CSS recolours; keep data-measure in step and announce.
  root.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((input) =>
    input.addEventListener('change', () => {
      root.dataset.measure = input.value;
      svg.dataset.measure = input.value;
      closePreview();
      announce(`The map now shows the change in ${MEASURE_WORDS[input.value] ?? input.value}.`);
    }),
  );

  // ---- Tooltip
  const centre = (m: SVGAElement) => {
    const c = m.querySelector('circle')!.getBoundingClientRect();
    return { x: c.left + c.width / 2, y: c.top + c.height / 2 };
  };
  const show = (m: SVGAElement) => {
    const d = m.dataset;
    const value = Number(d[measure()]);
    tooltip.replaceChildren();
    const name = document.createElement('strong');
    name.textContent = d.name ?? '';
    const where = document.createElement('span');
    where.textContent = d.lad ?? '';
    const change = document.createElement('span');
    change.textContent = `${MEASURE_WORDS[measure()] ?? ''}: ${fmtPp(value)}`;
    tooltip.append(name, where, document.createElement('br'), change);
    tooltip.hidden = false;
    const box = root.getBoundingClientRect();
    const p = centre(m);
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    let left = p.x - box.left - tw / 2;
    left = Math.max(0, Math.min(left, box.width - tw));
    let top = p.y - box.top - th - 12;
    if (top < 0) top = p.y - box.top + 14;
    tooltip.style.setProperty('left', `${Math.round(left)}px`);
    tooltip.style.setProperty('top', `${Math.round(top)}px`);
    markers.forEach((x) => x.classList.toggle('is-active', x === m));
  };
  const hide = () => {
    tooltip.hidden = true;
    markers.forEach((x) => x.classList.remove('is-active'));
  };
  for (const m of markers) {
    m.addEventListener('pointerenter', () => show(m));
    m.addEventListener('pointerleave', hide);
    m.addEventListener('focus', () => show(m));
    m.addEventListener('blur', hide);
  }
  // ---- Touch preview
  /** Other markers within this many CSS px of a selected one are listed in the preview. */
  const NEAR_PX = 24;
  const NEAR_MAX = 20;
  let selected: SVGAElement | null = null;
  let lastPointer = '';
  const byCode = new Map(markers.map((m) => [m.dataset.code ?? '', m]));
  const closePreview = (refocus = false) => {
    if (!preview || preview.hidden) return;
    preview.hidden = true;
    const was = selected;
    selected?.classList.remove('is-selected');
    selected = null;
    if (refocus && was) was.focus();
  };
  const openPreview = (m: SVGAElement) => {
    if (!preview) return;
    hide();
    selected?.classList.remove('is-selected');
    selected = m;
    m.classList.add('is-selected');
    const d = m.dataset;
    const q = <T extends HTMLElement>(sel: string) => preview.querySelector<T>(sel)!;
    q('[data-emap-preview-name]').textContent = d.name ?? '';
    q('[data-emap-preview-where]').textContent = d.lad ?? '';
    q('[data-emap-preview-value]').textContent = `${MEASURE_WORDS[measure()] ?? ''}: ${fmtPp(Number(d[measure()]))}, 2011 to 2021`;
    q<HTMLAnchorElement>('[data-emap-preview-open]').href = m.getAttribute('href') ?? '#';
    q<HTMLAnchorElement>('[data-emap-preview-open]').setAttribute('aria-label', `Open area page: ${d.name ?? ''}`);
    const p = centre(m);
    const near = markers
      .filter((x) => x !== m)
      .map((x) => {
        const c = centre(x);
        return { x, dist: Math.hypot(c.x - p.x, c.y - p.y) };
      })
      .filter((n) => n.dist < NEAR_PX)
      .sort((a, b) => a.dist - b.dist)
      .slice(0, NEAR_MAX);
    const nearby = q('[data-emap-preview-nearby]');
    const list = q('[data-emap-preview-nearby-list]');
    list.replaceChildren(
      ...near.map(({ x }) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.code = x.dataset.code ?? '';
        b.textContent = x.dataset.name ?? '';
        li.append(b);
        return li;
      }),
    );
    nearby.hidden = near.length === 0;
    preview.hidden = false;
    const box = root.getBoundingClientRect();
    const pw = preview.offsetWidth;
    const ph = preview.offsetHeight;
    let left = p.x - box.left - pw / 2;
    left = Math.max(0, Math.min(left, box.width - pw));
    // Below the dot when there is room in the widget, else above it: never over the dot itself.
    let top = p.y - box.top + 16;
    if (top + ph > box.height && p.y - box.top - 16 - ph >= 0) top = p.y - box.top - 16 - ph;
    preview.style.setProperty('left', `${Math.round(left)}px`);
    preview.style.setProperty('top', `${Math.round(top)}px`);
    announce(`${d.name ?? ''}, ${d.lad ?? ''}. Tap the dot again or use Open area page to open it.`);
  };
  root.addEventListener('pointerdown', (e) => {
    lastPointer = e.pointerType;
  });
  for (const m of markers) {
    m.addEventListener('click', (e) => {
      if (lastPointer !== 'touch' && lastPointer !== 'pen') return; // mouse and Enter: open at once
      lastPointer = '';
      if (selected === m && preview && !preview.hidden) return; // second tap: follow the link
      e.preventDefault();
      openPreview(m);
    });
  }
  preview?.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (t?.closest('[data-emap-preview-close]')) closePreview(true);
    const code = t?.closest<HTMLButtonElement>('button[data-code]')?.dataset.code;
    const m = code ? byCode.get(code) : undefined;
    if (m) {
      openPreview(m);
      preview.querySelector<HTMLAnchorElement>('[data-emap-preview-open]')?.focus();
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (!selected || !(e.target instanceof Node)) return;
    if (preview?.contains(e.target) || e.target instanceof Element && e.target.closest('a.emap-marker')) return;
    closePreview();
  });

  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      hide();
      closePreview(preview?.contains(document.activeElement) ?? false);
    }
  });

  // ---- Roving tab stop and arrow keys
  const visible = () => {
    const [vx, vy, vw, vh] = (frame.getAttribute('viewBox') ?? baseBox).split(/\s+/).map(Number);
    return markers.filter((m) => {
      const c = m.querySelector('circle')!;
      const x = Number(c.getAttribute('cx'));
      const y = Number(c.getAttribute('cy'));
      return x >= vx! && x <= vx! + vw! && y >= vy! && y <= vy! + vh!;
    });
  };
  let current = markers[0];
  const setCurrent = (m: SVGAElement | undefined, focus = true) => {
    if (!m) return;
    current = m;
    markers.forEach((x) => x.setAttribute('tabindex', x === m ? '0' : '-1'));
    if (focus) m.focus();
  };
  setCurrent(current, false);
  let hinted = false;
  for (const m of markers) {
    m.addEventListener('focus', () => {
      if (current !== m) setCurrent(m, false);
      if (!hinted) {
        hinted = true;
        announce('Arrow keys move between Big Local areas on the map; Enter opens the area’s page.');
      }
    });
  }
  const pos = (m: SVGAElement) => {
    const c = m.querySelector('circle')!;
    return { x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) };
  };
  frame.addEventListener('keydown', (e) => {
    const from = e.target instanceof Element ? e.target.closest<SVGAElement>('a.emap-marker') : null;
    if (!from) return;
    const pool = visible();
    let next: SVGAElement | undefined;
    if (e.key === 'Home') next = pool[0];
    else if (e.key === 'End') next = pool[pool.length - 1];
    else {
      const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[e.key];
      if (!dir) return;
      const p = pos(from);
      let best = Infinity;
      for (const m of pool) {
        if (m === from) continue;
        const q = pos(m);
        const along = (q.x - p.x) * dir[0]! + (q.y - p.y) * dir[1]!;
        if (along <= 0) continue;
        const across = Math.abs((q.x - p.x) * dir[1]! - (q.y - p.y) * dir[0]!);
        const score = along + 2 * across;
        if (score < best) {
          best = score;
          next = m;
        }
      }
    }
    e.preventDefault();
    if (next) setCurrent(next);
  });

  // ---- Zoom to a region
  if (zoom && select) {
    zoom.hidden = false;
    const [, , fullW] = baseBox.split(/\s+/).map(Number);
    select.addEventListener('change', () => {
      const opt = select.selectedOptions[0];
      const box = opt?.dataset.box;
      hide();
      closePreview();
      let k = 1;
      if (box) {
        const [x, y, w, h] = box.split(/\s+/).map(Number) as [number, number, number, number];
        const pad = Math.max(w, h) * 0.06;
        frame.setAttribute('viewBox', `${x - pad} ${y - pad} ${w + 2 * pad} ${h + 2 * pad}`);
        // The frame keeps its aspect ratio ("meet"), so the scale is set by the tighter side.
        const [, , , fullH] = baseBox.split(/\s+/).map(Number);
        k = Math.min(fullW! / (w + 2 * pad), fullH! / (h + 2 * pad));
      } else {
        frame.setAttribute('viewBox', baseBox);
      }
      for (const m of markers) m.querySelector('circle')!.setAttribute('r', String(Math.round((baseRadius / Math.sqrt(k)) * 100) / 100));
      const inView = visible();
      if (current && !inView.includes(current)) setCurrent(inView[0], false);
      announce(
        box
          ? `Zoomed to ${opt!.textContent}: ${inView.length} Big Local area${inView.length === 1 ? '' : 's'} in view.`
          : 'Showing all of England.',
      );
    });
  }
}

export function enhanceMaps(): void {
  document.querySelectorAll<HTMLElement>('[data-emap]').forEach(enhance);
}
