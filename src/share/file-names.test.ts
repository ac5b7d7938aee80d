import { describe, expect, it } from 'vitest';
import { CHART_IDS, charts } from '../charts/registry.ts';
import { downloadFileName } from './file-names.ts';

describe('downloadFileName', () => {
  it('names the group comparison of very good health as the issue asks', () => {
    expect(downloadFileName('group-comparison', { measure: 'very_good' }, 'csv')).toBe('big-local-very-good-health-2011-2021.csv');
  });

  it('says which area and which measure a file holds', () => {
    expect(downloadFileName('area-change', { area: 'aberfeldy', measure: 'bad_or_very_bad' }, 'csv')).toBe(
      'big-local-aberfeldy-bad-or-very-bad-health-2011-2021.csv',
    );
    expect(downloadFileName('area-map', { area: '3-together', measure: 'very_good' }, 'svg')).toBe(
      'big-local-3-together-neighbourhoods-very-good-health-change-2011-2021.svg',
    );
  });

  it('names a highlight in images only: the data are the same with or without it', () => {
    const s = { measure: 'very_good', highlight: 'aberfeldy' };
    expect(downloadFileName('area-changes', s, 'png')).toBe('big-local-areas-very-good-health-change-highlighting-aberfeldy-2011-2021.png');
    expect(downloadFileName('area-changes', s, 'csv')).toBe('big-local-areas-very-good-health-change-2011-2021.csv');
  });

  it('gives every chart and measure its own descriptive name, never data.csv', () => {
    const names = new Set<string>();
    for (const id of CHART_IDS) {
      for (const measure of ['very_good', 'bad_or_very_bad']) {
        const state = { ...charts[id].defaultState, measure, area: 'aberfeldy' };
        const name = downloadFileName(id, state, 'csv');
        expect(name).toMatch(/^big-local-[a-z0-9]+(-[a-z0-9]+)*-2011-2021\.csv$/);
        names.add(name);
      }
    }
    // The two measures differ for charts with a measure; the others give one name each.
    const withMeasure = CHART_IDS.filter((id) => 'measure' in charts[id].defaultState).length;
    expect(names.size).toBe(withMeasure * 2 + (CHART_IDS.length - withMeasure));
  });

  it('keeps file names safe whatever a state holds', () => {
    expect(downloadFileName('area-change', { area: '../../Etc Passwd', measure: 'very_good' }, 'csv')).toBe(
      'big-local-etc-passwd-very-good-health-2011-2021.csv',
    );
  });
});
