import { describe, expect, it } from 'vitest';
import { anyChart, charts } from '../charts/registry.ts';
import { clientData, dataFor, needsClientRender, prerenderedStates, specs } from './chart-states.ts';

describe('chart states', () => {
  it('every chart in the registry gets prerendered states', () => {
    const ids = new Set(prerenderedStates().map((e) => e.id));
    expect([...ids].sort()).toEqual(Object.keys(charts).sort());
  });

  it('the data shipped to browsers draws exactly what the build drew', () => {
    for (const e of prerenderedStates()) {
      const spec = specs[e.id]!;
      if (!needsClientRender(spec)) continue;
      const c = anyChart(e.id);
      const full = dataFor(e.id, e.state as never);
      const slim = JSON.parse(JSON.stringify(clientData(e)));
      const states = [e.state, ...(spec.highlight ?? []).slice(0, 5).map((h) => ({ ...e.state, highlight: h }))];
      for (const s of states) {
        for (const width of [320, 640]) expect(c.render(slim, s, { width })).toBe(c.render(full, s, { width }));
        expect(c.title(slim, s)).toBe(c.title(full, s));
        expect(c.summary(slim, s)).toBe(c.summary(full, s));
        expect(c.tableRows(slim, s)).toEqual(c.tableRows(full, s));
      }
    }
  });
});
