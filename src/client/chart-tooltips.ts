/**
 * Browser enhancer for the story charts in <Figure> (src/components/Figure.astro). The charts work
 * without it (their data tables carry every number); this adds, for each mark that the chart module
 * gave its own SVG <title> (dumbbell rows, area-changes rows, stacked segments, did-interval rows):
 * - a styled HTML tooltip near the pointer (or next to the mark on keyboard focus, where a mark is
 *   focusable), filled with textContent only;
 * - a highlight of that mark: the chart gets .has-active and the mark .is-active (CSS dims the rest);
 * - a tap (touch or pen) selects a mark and keeps it selected after the finger lifts, with its
 *   tooltip, and announces it in a polite live region; a second tap on it, a tap elsewhere or
 *   Escape lets it go (a finger has no hover, and pointerleave comes as soon as it lifts);
 * - Escape hides it; prefers-reduced-motion is honoured in the CSS (no transitions).
 * The <title> moves to data-tip so the browser's own tooltip does not double up. The root <svg> is
 * role="img", so the marks' titles were never exposed to assistive technology anyway.
 */

const GAP = 12;

function enhance(fig: HTMLElement): void {
  if (fig.dataset.tipsEnhanced) return;
  fig.dataset.tipsEnhanced = 'true';
  const box = fig.querySelector<HTMLElement>('.figure__chart');
  if (!box) return;
  const marks: Element[] = [];
  box.querySelectorAll('svg.chart title').forEach((t) => {
    const mark = t.parentElement;
    if (!mark || mark instanceof SVGSVGElement) return; // the chart's own title
    mark.setAttribute('data-tip', t.textContent ?? '');
    mark.classList.add('chart-mark');
    t.remove();
    marks.push(mark);
  });
  if (!marks.length) return;

  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  box.append(tip);
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.dataset.chartLive = '';
  box.append(live);
  let active: Element | null = null;
  /** The mark a tap selected: it stays shown until another tap, a tap elsewhere or Escape. */
  let pinned: Element | null = null;
  /** The mark Escape dismissed: it stays hidden until the pointer moves to another mark. */
  let dismissed: Element | null = null;

  const place = (x: number, y: number) => {
    const b = box.getBoundingClientRect();
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let left = x - b.left + GAP;
    if (left + tw > b.width) left = x - b.left - GAP - tw;
    left = Math.max(0, Math.min(left, b.width - tw));
    let top = y - b.top - th - GAP;
    if (top < 0) top = y - b.top + GAP + 8;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  };
  const show = (mark: Element, x?: number, y?: number) => {
    if (active !== mark) {
      active?.classList.remove('is-active');
      active = mark;
      mark.classList.add('is-active');
      mark.closest('svg')?.classList.add('has-active');
      tip.textContent = mark.getAttribute('data-tip') ?? '';
      tip.hidden = false;
    }
    if (x === undefined || y === undefined) {
      const r = mark.getBoundingClientRect();
      x = r.left + r.width / 2;
      y = r.top;
    }
    place(x, y);
  };
  const hide = () => {
    if (!active) return;
    active.classList.remove('is-active');
    active.closest('svg')?.classList.remove('has-active');
    active = null;
    tip.hidden = true;
  };
  const markOf = (t: EventTarget | null) => (t instanceof Element ? t.closest('[data-tip]') : null);

  const unpin = () => {
    pinned?.classList.remove('is-selected');
    pinned = null;
  };
  const onPointer = (e: PointerEvent) => {
    if (pinned) return;
    const mark = markOf(e.target);
    if (mark !== dismissed) dismissed = null;
    if (mark && !dismissed) show(mark, e.clientX, e.clientY);
    else hide();
  };
  const onTap = (e: PointerEvent) => {
    const mark = markOf(e.target);
    dismissed = null;
    if (!mark || mark === pinned) {
      unpin();
      hide();
      return;
    }
    unpin();
    pinned = mark;
    mark.classList.add('is-selected');
    show(mark, e.clientX, e.clientY);
    live.textContent = '';
    window.setTimeout(() => (live.textContent = `Selected: ${mark.getAttribute('data-tip') ?? ''}`), 50);
  };
  box.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'mouse') onPointer(e);
  });
  box.addEventListener('pointerdown', (e) => (e.pointerType === 'mouse' ? onPointer(e) : onTap(e)));
  box.addEventListener('pointerleave', (e) => {
    if (pinned || e.pointerType !== 'mouse') return;
    dismissed = null;
    hide();
  });
  // A tap outside the chart lets the selection go.
  document.addEventListener('pointerdown', (e) => {
    if (pinned && e.target instanceof Node && !box.contains(e.target)) {
      unpin();
      hide();
    }
  });
  box.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  box.addEventListener('focusout', () => {
    if (!pinned) hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && active) {
      dismissed = active;
      unpin();
      hide();
    }
  });
}

export function enhanceChartTooltips(): void {
  document.querySelectorAll<HTMLElement>('figure[data-chart-tips]').forEach(enhance);
}
