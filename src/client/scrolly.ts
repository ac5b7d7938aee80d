/**
 * Scrollytelling enhancer. The server renders each step followed by its own figure (a readable
 * sequence without JS). When the screen is wide enough and motion is allowed, this moves the
 * figures into the sticky graphic column and, with scrollama, shows the figure of the step in
 * view. When the conditions stop holding (resize, zoom, reduced motion switched on) it puts every
 * figure back after its step.
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
    f.hidden = i !== index;
    f.classList.toggle('is-active', i === index);
  });
  s.steps.forEach((el, i) => el.classList.toggle('is-active', i === index));
  s.root.dataset.activeStep = String(index);
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
    f.hidden = false;
    f.classList.remove('is-active');
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
    all.push({ root, graphic, steps, slots, figures, scroller: null, active: 0 });
  }
  const apply = () => all.forEach((s) => (mq.matches ? enable(s) : disable(s)));
  apply();
  mq.addEventListener('change', apply);
  // Paper gets the plain sequence: every figure after its step.
  window.addEventListener('beforeprint', () => all.forEach(disable));
  window.addEventListener('afterprint', apply);
}
