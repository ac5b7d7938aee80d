import { describe, expect, it } from 'vitest';
import { specs } from './chart-states.ts';
import { allChartStates, migratedHref, NOTICES, parseUrl, statePath, viewHref } from './url.ts';
import { applyMigration, migrateParts, renameValue, URL_MIGRATIONS, type UrlMigration } from './url-migrations.ts';

/**
 * One example per shipped entry, keyed by its id: a URL the site published before the rename and
 * the URL that shows the same view now. Adding an entry without its example fails the first test.
 */
const SHIPPED_EXAMPLES: Record<string, { old: string; current: string }> = {
  '2026-12-highlight-and-groups-in-path': {
    old: '/charts/group-comparison/very-good/?groups=england,big_local&highlight=big_local&table=1',
    current: '/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/?table=1',
  },
};

describe('the shipped URL migrations', () => {
  it('each entry has an example here, unique id, a real date, oldest first', () => {
    const ids = URL_MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(SHIPPED_EXAMPLES).sort()).toEqual([...ids].sort());
    const dates = URL_MIGRATIONS.map((m) => m.date);
    for (const d of dates) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    expect([...dates].sort()).toEqual(dates);
    for (const m of URL_MIGRATIONS) expect(m.description.length, m.id).toBeGreaterThan(10);
  });

  it.each(URL_MIGRATIONS.map((m) => [m.id, m] as const))('%s: the old URL opens the current view', (id, m) => {
    const { old, current } = SHIPPED_EXAMPLES[id]!;
    // Without the list the old URL is not read as intended (so the entry is needed, no slug reused).
    expect(parseUrl(old, specs, [])!.notices.length).toBeGreaterThan(0);
    expect(applyMigration(m, partsOf(old))).not.toBeNull();
    const migrated = parseUrl(old, specs)!;
    const now = parseUrl(current, specs, [])!;
    expect(migrated.migrated).toContain(id);
    expect(migrated.notices).toEqual([]);
    expect(now.notices).toEqual([]);
    expect(migrated.view).toEqual(now.view);
    expect(migrated.kind).toBe(now.kind);
    // The 404 page's move for an old path, and no second move from there (no cycle in the list).
    expect(migratedHref(old)).toBe(written(current));
    expect(migratedHref(current)).toBeNull();
  });

  it('rewrites no URL the site builds today', () => {
    for (const e of allChartStates(specs)) {
      for (const kind of ['charts', 'embed'] as const) {
        expect(migratedHref(viewHref(specs[e.id]!, e.state, true, kind))).toBeNull();
      }
    }
  });

  it('2026-12-highlight-and-groups-in-path: old highlight links open their own page, the rest of the query kept', () => {
    const cases: [string, string][] = [
      ['/charts/area-changes/very-good/?highlight=aberfeldy', '/charts/area-changes/very-good/highlight/aberfeldy/'],
      ['/embed/area-changes/bad-or-very-bad/?highlight=aberfeldy&childId=c1&initialWidth=600', '/embed/area-changes/bad-or-very-bad/highlight/aberfeldy/?childId=c1&initialWidth=600'],
      ['/charts/group-comparison/fair/?highlight=similar_areas', '/charts/group-comparison/fair/highlight/similar-areas/'],
      ['/embed/group-comparison/very-good/?groups=england,big_local', '/embed/group-comparison/very-good/groups/england+big-local/'],
    ];
    for (const [old, current] of cases) {
      const p = parseUrl(old, specs)!;
      expect(p.notices, old).toEqual([]);
      expect(p.view).toEqual(parseUrl(current, specs, [])!.view);
      expect(migratedHref(old)).toBe(current);
      expect(statePath(p.spec, p.view.state, p.kind)).toBe(current.split('?')[0]);
    }
  });

  it('2026-12-highlight-and-groups-in-path: a value no page holds still gets its notice, never echoed', () => {
    const hostile = ['<script>alert(1)</script>', 'a/../../method', 'x%2F..', '__proto__', 'aberfeldy?table=1'];
    for (const bad of hostile) {
      for (const key of ['highlight', 'groups']) {
        const old = `/charts/group-comparison/very-good/?${new URLSearchParams({ [key]: bad })}`;
        const moved = migratedHref(old)!;
        // One segment whatever the value held: the path cannot climb out of the chart.
        expect(moved.split('/').length, bad).toBe(old.split('?')[0]!.split('/').length + 2);
        expect(moved).not.toContain('<');
        const p = parseUrl(old, specs)!;
        expect(p.view.state, bad).toEqual({ measure: 'very_good' });
        expect(p.notices.length, bad).toBeGreaterThan(0);
        expect(JSON.stringify(p)).not.toContain('script');
      }
    }
    // Area highlights exist only on the two headline measures, groups lists only on group-comparison.
    expect(parseUrl('/charts/area-changes/fair/?highlight=aberfeldy', specs)!.notices).toEqual([NOTICES.highlightHere]);
    expect(parseUrl('/charts/did-interval/?groups=england', specs)!.notices).toEqual([NOTICES.path]);
  });
});

/** A URL as url.ts writes it (the query through URLSearchParams, so a comma reads %2C). */
function written(href: string): string {
  const u = new URL(href, 'https://example.invalid');
  const q = u.searchParams.toString();
  return `${u.pathname}${q ? `?${q}` : ''}${u.hash}`;
}

function partsOf(href: string) {
  const u = new URL(href, 'https://example.invalid');
  return { segments: u.pathname.split('/').filter(Boolean).slice(1), query: [...u.searchParams] };
}

// ---------------------------------------------------------------------------------------------
// The mechanism, on made-up renames (fixtures, not history: none of these names ever existed)

const FIXTURES: UrlMigration[] = [
  {
    id: 'fixture-query-key',
    date: '2029-12-01',
    description: 'Fixture: the table parameter was once called showdata.',
    rewrite: (parts) =>
      parts.query.some(([k]) => k === 'showdata')
        ? { ...parts, query: parts.query.map(([k, v]) => [k === 'showdata' ? 'table' : k, v] as const) }
        : null,
  },
  {
    id: 'fixture-chart-id',
    date: '2030-01-01',
    description: 'Fixture: the area-changes chart once had the id areas-ranked.',
    prefix: { from: ['areas-ranked'], to: ['area-changes'] },
  },
  {
    id: 'fixture-area-code-1',
    date: '2030-02-01',
    description: 'Fixture: Aberfeldy was first coded aberfeldy-old, then aberfeldy-estate.',
    rewrite: renameValue('area', 'aberfeldy-old', 'aberfeldy-estate'),
  },
  {
    id: 'fixture-area-code-2',
    date: '2030-03-01',
    description: 'Fixture: aberfeldy-estate became aberfeldy (the second rename of a chain).',
    rewrite: renameValue('area', 'aberfeldy-estate', 'aberfeldy'),
  },
  {
    id: 'fixture-measure',
    date: '2030-04-01',
    description: 'Fixture: bad_or_very_bad was once poor_health.',
    rewrite: renameValue('measure', 'poor_health', 'bad_or_very_bad'),
  },
  {
    id: 'fixture-group',
    date: '2030-05-01',
    description: 'Fixture: similar_areas was once comparators.',
    rewrite: renameValue('group', 'comparators', 'similar_areas'),
  },
];

describe('URL migrations: the mechanism (fixtures)', () => {
  it.each([
    ['/charts/areas-ranked/fair/?table=1', '/charts/area-changes/fair/?table=1', ['fixture-chart-id']],
    ['/embed/areas-ranked/fair/', '/embed/area-changes/fair/', ['fixture-chart-id']],
    ['/charts/area-change/aberfeldy-estate/very-good/?table=1', '/charts/area-change/aberfeldy/very-good/?table=1', ['fixture-area-code-2']],
    ['/charts/area-changes/very-good/highlight/aberfeldy-estate/', '/charts/area-changes/very-good/highlight/aberfeldy/', ['fixture-area-code-2']],
    // Applied in order: the older name passes through the newer one, in one move.
    ['/embed/area-map/aberfeldy-old/very-good/', '/embed/area-map/aberfeldy/very-good/', ['fixture-area-code-1', 'fixture-area-code-2']],
    ['/charts/group-comparison/poor-health/', '/charts/group-comparison/bad-or-very-bad/', ['fixture-measure']],
    ['/charts/did-interval/?measures=very_good,poor_health', '/charts/did-interval/?measures=very_good,bad_or_very_bad', ['fixture-measure']],
    ['/charts/england-health/comparators/', '/charts/england-health/similar-areas/', ['fixture-group']],
    ['/charts/group-comparison/bad/highlight/comparators/', '/charts/group-comparison/bad/highlight/similar-areas/', ['fixture-group']],
    ['/charts/group-comparison/bad/?showdata=1', '/charts/group-comparison/bad/?table=1', ['fixture-query-key']],
    // Several at once, and the parameters pym.js adds to an embed survive.
    [
      '/embed/areas-ranked/poor-health/highlight/aberfeldy-estate/?showdata=1&childId=c1&initialWidth=600',
      '/embed/area-changes/bad-or-very-bad/highlight/aberfeldy/?table=1&childId=c1&initialWidth=600',
      ['fixture-query-key', 'fixture-chart-id', 'fixture-area-code-2', 'fixture-measure'],
    ],
  ])('%s → %s', (old, current, applied) => {
    const before = parseUrl(old, specs, []);
    expect(before!.notices.length).toBeGreaterThan(0);
    const after = parseUrl(old, specs, FIXTURES)!;
    expect(after.notices).toEqual([]);
    expect(after.migrated).toEqual(applied);
    expect(after.view).toEqual(parseUrl(current, specs, [])!.view);
    expect(after.kind).toBe(old.split('/')[1]);
    expect(migratedHref(old, FIXTURES)).toBe(written(current));
    expect(migratedHref(current, FIXTURES)).toBeNull();
  });

  it('a later rename reads a pre-2026-12 query link through the shipped entry first', () => {
    const all = [...URL_MIGRATIONS, ...FIXTURES];
    const old = '/embed/areas-ranked/poor-health/?highlight=aberfeldy-estate&groups=england,comparators';
    const p = parseUrl(old, specs, all)!;
    expect(p.migrated).toEqual(['2026-12-highlight-and-groups-in-path', 'fixture-chart-id', 'fixture-area-code-2', 'fixture-measure', 'fixture-group']);
    expect(migratedHref(old, all)).toBe('/embed/area-changes/bad-or-very-bad/groups/england+similar-areas/highlight/aberfeldy/');
    expect(p.view.state).toEqual({ measure: 'bad_or_very_bad', highlight: 'aberfeldy' });
  });

  it('leaves what it does not name alone: near misses, other pages, the chart id position', () => {
    // A prefix matches whole segments only.
    expect(migratedHref('/charts/areas-ranked-x/fair/', FIXTURES)).toBeNull();
    // An area code is a value, never a chart id.
    expect(migrateParts({ segments: ['aberfeldy-estate'], query: [] }, FIXTURES).applied).toEqual([]);
    // A measure rename does not touch a query value that happens to be spelled like it.
    expect(migrateParts({ segments: ['area-changes', 'fair'], query: [['x', 'poor_health']] }, FIXTURES).applied).toEqual([]);
    // Nor part of a segment: a `+` list is renamed item by item.
    expect(migrateParts({ segments: ['group-comparison', 'fair', 'groups', 'england+comparators-x'], query: [] }, FIXTURES).applied).toEqual([]);
    for (const href of ['/', '/method/', '/areas/aberfeldy-estate/', '/charts/area-changes/fair/?highlight=aberfeldy']) {
      expect(migratedHref(href, FIXTURES), href).toBeNull();
    }
    expect(migratedHref('/charts/areas-ranked/fair/#top', FIXTURES)).toBe('/charts/area-changes/fair/#top');
  });

  it('never throws on hostile addresses, and an over-long query is not migrated', () => {
    for (const href of ['/charts/%E0%A4%A/', '//evil.example/charts/areas-ranked/', '/charts/<script>/', `/charts/areas-ranked/?x=${'a'.repeat(5000)}`]) {
      expect(() => migratedHref(href, FIXTURES)).not.toThrow();
      expect(() => parseUrl(href, specs, FIXTURES)).not.toThrow();
    }
    expect(migratedHref(`/charts/areas-ranked/?x=${'a'.repeat(5000)}`, FIXTURES)).toBeNull();
    const moved = migratedHref('//evil.example/charts/areas-ranked/', FIXTURES);
    expect(moved === null || moved.startsWith('/charts/')).toBe(true);
  });
});
