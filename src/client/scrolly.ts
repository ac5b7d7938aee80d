/**
 * Scrollytelling enhancer. The server renders each step followed by its own figure (a readable
 * sequence without JS). When the screen is wide enough and motion is allowed, this moves the
 * figures into the sticky graphic column and, with scrollama, shows the figure of the step in
 * view. When the conditions stop holding (resize, zoom, reduced motion switched on) it puts every
 * figure back after its step.
 *
 * Keyboard: the figures that are not shown are stacked under the shown one and faded out, never
 * `hidden`, so each figure's controls (Show the data, Share, Embed, Data) stay in the tab order, in
 * step order (WCAG 2.1.1). Focus moving into a figure shows it and scrolls its step's words into
 * view, so the words beside the chart are always the chart's own.
 */
import scrollama from 'scrollama';

/** Side by side from 64em (1024 px at 100% zoom; at 200% zoom a 1280 px window stacks). */
export const STICKY_QUERY = '(min-width: 64em) and (prefers-reduced-motion: no-preference)';

interface Scrolly {
  root: HTMLElement;
  graphic: HTMLElement;
  steps: HTMLElement[];
  slots: HTMLElement[];
  figures: HTMLElement[];
  scroller: ReturnType<typeof scrollama> | null;
  active: number;
}

function activate(s: Scrolly, index: number): void {
  s.active = index;
  s.figures.forEach((f, i) => {
    f.classList.toggle('is-active', i === index);
    f.classList.toggle('is-inactive', i !== index);
  });
  s.steps.forEach((el, i) => el.classList.toggle('is-active', i === index));
  s.root.dataset.activeStep = String(index);
}

/** Focus reached figure `index` (Tab, Shift+Tab, a click on its controls): show it beside its step. */
function onFocusIn(s: Scrolly, event: FocusEvent): void {
  if (!s.scroller) return;
  const index = s.figures.findIndex((f) => f.contains(event.target as Node));
  if (index < 0 || index === s.active) return;
  activate(s, index);
  // Bring the step's words level with the chart: its top a quarter of the way down, past the
  // scrollama trigger line at the middle, so scrolling on from here keeps this step active.
  const step = s.steps[index]!;
  const top = step.getBoundingClientRect().top + window.scrollY - window.innerHeight / 4;
  window.scrollTo({ top, behavior: 'instant' });
}

function enable(s: Scrolly): void {
  if (s.scroller) return;
  s.root.classList.add('is-sticky');
  for (const f of s.figures) s.graphic.append(f);
  // The step nearest the middle of the screen when enabling (e.g. after a resize mid-story).
  const mid = window.innerHeight / 2;
  let start = 0;
  s.steps.forEach((el, i) => {
    if (el.getBoundingClientRect().top < mid) start = i;
  });
  activate(s, start);
  const scroller = scrollama();
  scroller
    .setup({ step: s.steps, offset: 0.5 })
    .onStepEnter(({ index }) => activate(s, index));
  s.scroller = scroller;
}

function disable(s: Scrolly): void {
  if (!s.scroller) return;
  s.scroller.destroy();
  s.scroller = null;
  s.root.classList.remove('is-sticky');
  s.figures.forEach((f, i) => {
    f.classList.remove('is-active', 'is-inactive');
    s.slots[i]?.append(f);
  });
  s.steps.forEach((el) => el.classList.remove('is-active'));
  delete s.root.dataset.activeStep;
}

export function enhanceScrolly(doc: Document = document): void {
  const mq = window.matchMedia(STICKY_QUERY);
  const all: Scrolly[] = [];
  for (const root of Array.from(doc.querySelectorAll<HTMLElement>('[data-scrolly]'))) {
    const graphic = root.querySelector<HTMLElement>('[data-scrolly-graphic]');
    if (!graphic) continue;
    const steps = Array.from(root.querySelectorAll<HTMLElement>('[data-step]'));
    const slots = steps.map((st) => st.querySelector<HTMLElement>('[data-step-figure]')!);
    const figures = slots.map((slot) => slot.querySelector<HTMLElement>('figure')!);
    if (figures.some((f) => !f)) continue;
    const s: Scrolly = { root, graphic, steps, slots, figures, scroller: null, active: 0 };
    graphic.addEventListener('focusin', (e) => onFocusIn(s, e));
    all.push(s);
  }
  const apply = () => all.forEach((s) => (mq.matches ? enable(s) : disable(s)));
  apply();
  mq.addEventListener('change', apply);
  // Paper gets the plain sequence: every figure after its step.
  window.addEventListener('beforeprint', () => all.forEach(disable));
  window.addEventListener('afterprint', apply);
}
