/**
 * Reads the JSON that `npm audit --json` prints and says what it found, so that `npm run audit`
 * can never pass an audit that did not happen: when the registry's advisory endpoint does not
 * answer (some registry mirrors reply "405 Method Not Allowed"), npm prints an error object
 * instead of a report.
 */

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const SEVERITIES: Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

export type AuditVerdict =
  | { kind: 'not-done'; reason: string }
  | { kind: 'report'; counts: Record<Severity, number>; advisories: string[]; failing: boolean };

interface NpmAuditJson {
  message?: string;
  statusCode?: number;
  error?: { summary?: string; detail?: string };
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity?: Severity; via?: (string | { url?: string; title?: string; severity?: Severity })[] }>;
}

/** `failAt`: the lowest severity that fails the audit. */
export function judgeAudit(stdout: string, failAt: Severity = 'high'): AuditVerdict {
  let json: NpmAuditJson;
  try {
    json = JSON.parse(stdout) as NpmAuditJson;
  } catch {
    return { kind: 'not-done', reason: `npm audit printed no JSON report: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  const counts = json.metadata?.vulnerabilities;
  if (!counts) {
    const why = json.message || json.error?.summary || 'no report';
    return { kind: 'not-done', reason: `the advisory endpoint did not answer: ${why}` };
  }
  const full = Object.fromEntries(SEVERITIES.map((s) => [s, counts[s] ?? 0])) as Record<Severity, number>;
  const advisories = new Set<string>();
  for (const [name, v] of Object.entries(json.vulnerabilities ?? {})) {
    for (const via of v.via ?? []) {
      if (typeof via !== 'string') advisories.add(`${via.severity ?? v.severity}: ${name}: ${via.title ?? ''} ${via.url ?? ''}`.trim());
    }
  }
  const failing = SEVERITIES.slice(SEVERITIES.indexOf(failAt)).some((s) => full[s] > 0);
  return { kind: 'report', counts: full, advisories: [...advisories].sort(), failing };
}
