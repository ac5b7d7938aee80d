import { describe, expect, it } from 'vitest';
import { judgeAudit } from './judge.ts';

// What npm 11 prints for `npm audit --json` when the registry refuses the bulk advisory request
// (as the registry mirror on the build machines does), trimmed, with the host replaced.
const REFUSED = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

// The shape of a real report (auditReportVersion 2), with one advisory.
const report = (severity: string, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      astro: {
        name: 'astro',
        severity,
        isDirect: true,
        via: [{ source: 1, name: 'astro', title: 'Reflected XSS', url: 'https://github.com/advisories/GHSA-8hv8-536x-4wqp', severity, range: '<6.0.0' }],
        effects: [],
        range: '<6.0.0',
        fixAvailable: true,
      },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: 1 } },
  });

describe('judgeAudit', () => {
  it('says no audit was done when the endpoint refuses, never a clean audit', () => {
    const v = judgeAudit(REFUSED);
    expect(v.kind).toBe('not-done');
    expect(v.kind === 'not-done' && v.reason).toMatch(/did not answer: 405 Method Not Allowed/);
    expect(judgeAudit('').kind).toBe('not-done');
    expect(judgeAudit('npm error code ENOTFOUND').kind).toBe('not-done');
  });

  it('fails on a high or critical advisory and names it', () => {
    const v = judgeAudit(report('high', { high: 1 }));
    expect(v).toMatchObject({ kind: 'report', failing: true, counts: { high: 1, critical: 0 } });
    expect(v.kind === 'report' && v.advisories).toEqual([
      'high: astro: Reflected XSS https://github.com/advisories/GHSA-8hv8-536x-4wqp',
    ]);
  });

  it('passes a report with only moderate advisories, or none', () => {
    expect(judgeAudit(report('moderate', { moderate: 1 }))).toMatchObject({ kind: 'report', failing: false });
    expect(judgeAudit(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } }))).toMatchObject({
      kind: 'report',
      failing: false,
      advisories: [],
    });
  });
});
