/**
 * Browser enhancer for the England map (src/components/map/EnglandMap.astro). The map works
 * without it; this adds:
 * - a tooltip naming the area under the pointer or keyboard focus, with its change;
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
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
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
