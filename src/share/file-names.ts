/**
 * Download file names that say what the file holds, e.g. big-local-very-good-health-2011-2021.csv
 * for the group comparison of very good health (not data.csv). One pure helper for every download
 * (CSV here; PNG and SVG use the same names), from the chart id and its state.
 */

export type DownloadExtension = 'csv' | 'png' | 'svg' | 'json';

const slug = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

type State = Readonly<Record<string, unknown>>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const health = (s: State) => (str(s.measure) ? `${slug(str(s.measure)!)}-health` : undefined);

/** What each chart's file is about, in words, from its state (the years are added after). */
const SUBJECTS: Record<string, (s: State) => (string | undefined)[]> = {
  'england-health': (s) => ['general-health', str(s.group) && slug(str(s.group)!)],
  'group-comparison': (s) => [health(s)],
  'did-interval': () => ['health-difference-from-similar-areas'],
  placebo: (s) => ['placebo-sets', health(s)],
  robustness: (s) => ['robustness-checks', health(s)],
  'area-changes': (s) => ['areas', health(s), 'change'],
  'area-change': (s) => [str(s.area) && slug(str(s.area)!), health(s)],
  'england-map': (s) => ['england-local-authorities', health(s), 'change'],
  'area-map': (s) => [str(s.area) && slug(str(s.area)!), 'neighbourhoods', health(s), 'change'],
  'area-health': (s) => [str(s.area) && slug(str(s.area)!), 'general-health'],
};

/**
 * `big-local-<subject>-2011-2021.<ext>`. An image names its highlight too (it shows it); the data
 * files are the same with or without one, so their names leave it out.
 */
export function downloadFileName(chartId: string, state: State, ext: DownloadExtension): string {
  const subject = SUBJECTS[chartId]?.(state) ?? [slug(chartId)];
  const highlight = (ext === 'png' || ext === 'svg') && str(state.highlight) ? ['highlighting', slug(str(state.highlight)!)] : [];
  const words = ['big-local', ...subject, ...highlight, '2011-2021'].filter((w): w is string => Boolean(w));
  return `${words.join('-').replace(/-+/g, '-')}.${ext}`;
}
