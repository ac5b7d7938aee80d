import { describe, expect, it } from 'vitest';
import { charts } from '../charts/registry.ts';
import { prerenderedStates, specs } from '../state/chart-states.ts';
import { parseUrl, statePath, viewHref } from '../state/url.ts';
import { storySteps } from './steps.ts';
import { summary } from '../data/load.ts';

// The story's own steps, from the committed data (as src/pages/index.astro builds them).
const steps = storySteps(summary);

describe('story steps and their links', () => {
  // A step's Share link opens the chart page of its state: only states the URL grammar can say
  // exactly keep the story and that page from showing different charts.
  it.each(steps.map((s) => [s.id, s] as const))('%s: its chart state round-trips through the URL exactly', (_id, step) => {
    const spec = specs[step.chart.id]!;
    for (const kind of ['charts', 'embed'] as const) {
      const href = viewHref(spec, step.chart.state, false, kind);
      const parsed = parseUrl(href, specs)!;
      expect(parsed.notices, href).toEqual([]);
      expect(parsed.view, href).toEqual({ id: step.chart.id, state: step.chart.state, table: false });
    }
    // …and names a prerendered page, whose card, oEmbed and downloads are that state.
    const page = statePath(spec, step.chart.state);
    expect(prerenderedStates().some((e) => e.id === step.chart.id && statePath(spec, e.state) === page), page).toBe(true);
    expect(new URL(viewHref(spec, step.chart.state), 'https://example.invalid').search).toBe('');
  });

  it('the first comparison shows England and Big Local areas only, and its link says so', () => {
    const step = steps.find((s) => s.id === 'step-very-good-england')!;
    const spec = specs[step.chart.id]!;
    const href = viewHref(spec, step.chart.state);
    expect(href).toBe('/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/');
    const opened = parseUrl(href, specs)!.view;
    const chart = charts['group-comparison'];
    expect(chart.tableRows(summary, opened.state as never).rows.map((r) => r[0])).toEqual(['England', 'Big Local areas']);
    expect(chart.title(summary, opened.state as never)).toBe(chart.title(summary, step.chart.state as never));
  });
});
