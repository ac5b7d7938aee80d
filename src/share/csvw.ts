/**
 * Source, licence and column units for every CSV the site publishes, as a W3C CSVW metadata file
 * beside it (`<file>.csv-metadata.json`, the name CSVW tools look for first; /data/ CSVs also send
 * `Link: <…>; rel="describedby"`, public/_headers). A sidecar rather than a leading "#" comment
 * row: a comment row breaks Excel's and pandas' plain read_csv, and every published CSV must stay
 * byte for byte what scripts already read.
 *
 * Units: each numeric column says its unit (`schema:unitText`) and what it counts
 * (`dc:description`); in the headers themselves, shares carry `pct`/`(%)` and differences
 * `pp`/`(pp)`; counts of people are named for the answer and census year (`very_good_2011`).
 */
import type { TableData } from '../charts/svg.ts';

export const LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

export const CENSUS_SOURCE =
  'Office for National Statistics: Census 2011 (table QS302EW) and Census 2021 (table TS037), general health of all usual residents; ONS Open Geography Portal lookups. Source: Office for National Statistics licensed under the Open Government Licence v.3.0';
export const IMD_SOURCE = 'English Indices of Deprivation 2019, Ministry of Housing, Communities and Local Government, Open Government Licence v3.0';

export interface ColumnMeta {
  /** The header, exactly as in the file. */
  titles: string;
  datatype: 'string' | 'integer' | 'decimal';
  /** What the column holds. */
  description: string;
  /** The unit of a numeric column ("persons", "percent", "percentage points", …). */
  unit?: string;
}

export interface CsvMeta {
  /** The CSV's file name (the metadata sits beside it, so the URL is relative). */
  file: string;
  title: string;
  description: string;
  source: string;
  publisher: string;
  /** ISO date the figures last changed. */
  modified: string;
  columns: ColumnMeta[];
}

/** A CSVW column name: letters, digits and underscores (CSVW's own rule for names). */
const columnName = (title: string, i: number) =>
  title
    .toLowerCase()
    .replace(/%/g, 'pct')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '') || `column_${i + 1}`;

/** The CSVW metadata document (JSON-LD, https://www.w3.org/TR/tabular-metadata/). */
export function csvwMetadata(m: CsvMeta): Record<string, unknown> {
  const seen = new Set<string>();
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: m.file,
    'dc:title': m.title,
    'dc:description': m.description,
    'dc:source': m.source,
    'dc:license': { '@id': LICENCE.url },
    'dc:rights': LICENCE.name,
    'dc:publisher': m.publisher,
    'dc:modified': { '@value': m.modified, '@type': 'xsd:date' },
    dialect: { header: true, encoding: 'utf-8' },
    tableSchema: {
      columns: m.columns.map((c, i) => {
        let name = columnName(c.titles, i);
        while (seen.has(name)) name = `${name}_${i + 1}`;
        seen.add(name);
        return {
          name,
          titles: c.titles,
          datatype: c.datatype,
          'dc:description': c.description,
          ...(c.unit ? { 'schema:unitText': c.unit } : {}),
        };
      }),
    },
  };
}

const ANSWERS: Record<string, string> = {
  very_good: 'very good health',
  good: 'good health',
  fair: 'fair health',
  bad: 'bad health',
  very_bad: 'very bad health',
  bad_or_very_bad: 'bad or very bad health',
  very_good_or_good: 'very good or good health',
};

/** What a column of the pipeline's download CSVs (data/processed/public) holds, by its name. */
export function publicColumn(name: string): ColumnMeta {
  const c = (datatype: ColumnMeta['datatype'], description: string, unit?: string): ColumnMeta => ({ titles: name, datatype, description, unit });
  let m: RegExpExecArray | null;
  if ((m = /^residents_(2011|2021)$/.exec(name))) return c('integer', `Usual residents, Census ${m[1]}`, 'persons');
  if ((m = /^(very_good|good|fair|bad|very_bad)_(2011|2021)$/.exec(name))) return c('integer', `Usual residents reporting ${ANSWERS[m[1]!]}, Census ${m[2]}`, 'persons');
  if ((m = /^pct_([a-z_]+)_(2011|2021)$/.exec(name)) && ANSWERS[m[1]!])
    return c('decimal', `Share of usual residents reporting ${ANSWERS[m[1]!]}, Census ${m[2]}`, 'percent');
  if (name === 'residents_change_pct') return c('decimal', 'Change in usual residents from 2011 to 2021, per cent of 2011', 'percent');
  if ((m = /^(very_good|bad_or_very_bad)_did_pp$/.exec(name)))
    return c('decimal', `Difference in differences for ${ANSWERS[m[1]!]}: change in the placebo set minus change in its similar areas`, 'percentage points');
  if ((m = /^(estimate|lower|upper|bootstrap_lower|bootstrap_upper)_pp$/.exec(name)))
    return c(
      'decimal',
      {
        estimate: 'Difference in differences',
        lower: 'Lower end of the 95% interval (the bootstrap interval stretched as the placebo test stretches the main one)',
        upper: 'Upper end of the 95% interval (the bootstrap interval stretched as the placebo test stretches the main one)',
        bootstrap_lower: 'Lower end of the 95% percentile bootstrap interval over areas, before stretching',
        bootstrap_upper: 'Upper end of the 95% percentile bootstrap interval over areas, before stretching',
      }[m[1] as 'estimate'],
      'percentage points',
    );
  const fixed: Record<string, ColumnMeta> = {
    area_code: c('string', 'Big Local area code (this site’s; the areas have no ONS code)'),
    area_name: c('string', 'Big Local area name'),
    big_local_area: c('string', 'Big Local area code of the area this unit is in (empty: none)'),
    lad_code: c('string', 'ONS code of the local authority district (2022)'),
    lad_name: c('string', 'Local authority district name'),
    region_code: c('string', 'ONS code of the region'),
    region_name: c('string', 'Region name'),
    units: c('integer', 'Comparison units (groups of LSOAs stable between 2011 and 2021) in the footprint', 'comparison units'),
    confidence: c('string', 'Confidence that the approximate footprint matches the area: high, medium or low (official for official boundaries)'),
    lsoa21_codes: c('string', 'ONS codes of the LSOAs (2021) in the footprint or unit, separated by ";"'),
    lsoa11_codes: c('string', 'ONS codes of the LSOAs (2011) in the unit, separated by ";"'),
    unit_id: c('string', 'Comparison unit id (the code of its first LSOA 2021)'),
    imd_decile: c('integer', 'English Indices of Deprivation 2019 decile (1 = most deprived 10%), population-weighted over the unit', 'decile'),
    group: c('string', 'Group: england, big_local (the 150 areas together) or similar_areas (deprivation-weighted comparison areas)'),
    ons_code: c('string', 'ONS code of the place, where the group is one (England)'),
    draw: c('integer', 'Placebo set number', 'index'),
    specification: c('string', 'Specification id'),
    label: c('string', 'What the specification changes'),
    measure: c('string', 'Health measure'),
    areas: c('integer', 'Big Local areas in the comparison', 'areas'),
  };
  const f = fixed[name];
  if (!f) throw new Error(`csvw: no description for CSV column "${name}"`);
  return f;
}

const PUBLIC_FILES: Record<string, { title: string; description: string; imd: boolean }> = {
  'big-local-areas.csv': { title: 'Big Local areas: general health, Census 2011 and 2021', description: 'One row per Big Local area (approximate footprint unless marked official): residents by answer to the census general health question, shares and change.', imd: false },
  'summary.csv': { title: 'England, Big Local areas and similar areas: general health, Census 2011 and 2021', description: 'One row per group.', imd: true },
  'units.csv': { title: 'Comparison units of England: general health, Census 2011 and 2021', description: 'One row per comparison unit (LSOAs stable between the censuses), with its deprivation decile and Big Local area.', imd: true },
  'robustness.csv': { title: 'How far the finding holds: the difference in differences under other specifications', description: 'One row per specification and measure, with its 95% bootstrap interval.', imd: true },
  'placebo.csv': { title: 'Placebo sets: the difference in differences of random sets of similar neighbourhoods', description: 'One row per placebo set.', imd: true },
};

/** The metadata of one of the pipeline's download CSVs, from its header. */
export function publicCsvMeta(file: string, header: string[], publisher: string, modified: string): CsvMeta {
  const f = PUBLIC_FILES[file] ?? { title: file, description: '', imd: true };
  return {
    file,
    title: f.title,
    description: f.description,
    source: f.imd ? `${CENSUS_SOURCE}. ${IMD_SOURCE}. Big Local footprints and weights: this site’s analysis.` : `${CENSUS_SOURCE}. Big Local footprints: this site’s analysis.`,
    publisher,
    modified,
    columns: header.map(publicColumn),
  };
}

/** Column metadata of a chart's table (headers such as "2011 (%)", "Change (pp)", "Big Local areas"). */
export function tableColumns(table: TableData): ColumnMeta[] {
  return table.columns.map((title, i) => {
    const values = table.rows.map((r) => r[i]).filter((v) => v !== '' && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(String(v)));
    if (!numeric) return { titles: title, datatype: 'string', description: title };
    const integer = values.every((v) => Number.isInteger(Number(v)));
    const unit = /\(%\)$/.test(title)
      ? 'percent'
      : /\(pp\)$/.test(title)
        ? 'percentage points'
        : /^rank$/i.test(title)
          ? 'rank'
          : /^(big local areas|placebo sets)$/i.test(title)
            ? title.toLowerCase()
            : 'count';
    return { titles: title, datatype: integer && unit !== 'percent' && unit !== 'percentage points' ? 'integer' : 'decimal', description: title, unit };
  });
}
