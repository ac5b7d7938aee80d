/**
 * One Big Local area's approximate footprint, outlined over an LSOA choropleth of its local
 * authority district (the change in a health share, 2011 to 2021). Pure: data, state and size in,
 * SVG string out. The LSOA values are those of the comparison unit each LSOA belongs to.
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MEASURE_LABELS, type BigLocalArea, type LsoaProperties } from '../data/constants.ts';
import { fitProjection, pathData } from '../geo/projection.ts';
import { BREAKS, classOf, classColour, isMissing, legendClasses, legendSvg, type MapMeasure } from './map-scale.ts';
import { escapeXml, fmtPp, round1, svgRoot, type RenderOptions, type Size, type TableData } from './svg.ts';
import { footprintNoun } from './words.ts';

export const id = 'area-map';

export interface Data {
  area: BigLocalArea;
  /** lsoaTopology(area.ladCode): object "lsoa", properties LsoaProperties; holds the district's
   *  LSOAs and any of the area's that lie in a neighbouring district. */
  lsoa: Topology;
  /** footprints(): object "footprints", properties {code, name}. */
  footprints: Topology;
}

export interface State {
  /** The area's code; empty means "whichever area the data holds". */
  area: string;
  measure: MapMeasure;
}

export const defaultState: State = { area: '', measure: 'very_good' };

export interface AreaMapRenderOptions extends RenderOptions {
  /** Draw the legend inside the SVG (default true). */
  legend?: boolean;
  /** Cap on the map's height in px (default: 1.1 × width). */
  maxHeight?: number;
}

/** Share of LSOA boundary points kept (the map is drawn at most ~640 px wide). */
export const KEEP_POINTS = 0.5;

function checked(data: Data, state: State): BigLocalArea {
  if (state.area && state.area !== data.area.code) {
    throw new Error(`area-map: state is for area "${state.area}" but the data is for "${data.area.code}"`);
  }
  return data.area;
}

function lsoaProps(data: Data): LsoaProperties[] {
  const obj = data.lsoa.objects.lsoa as GeometryCollection<LsoaProperties>;
  return obj.geometries.flatMap((g) => (g.properties ? [g.properties as LsoaProperties] : []));
}

const inArea = (p: LsoaProperties, area: BigLocalArea) => p.area === area.code || area.lsoa21.includes(p.lsoa21);
/** Whether the map holds LSOAs of a neighbouring district: the footprint reaches across the border. */
const crossesBorder = (data: Data, a: BigLocalArea) => lsoaProps(data).some((p) => p.lad !== a.ladCode);
/** "Chesterfield", or "and around Chesterfield" when the footprint crosses into a neighbouring district. */
const place = (data: Data, a: BigLocalArea) => (crossesBorder(data, a) ? `and around ${a.ladName}` : a.ladName);
const change = (p: LsoaProperties, m: MapMeasure): number => (m === 'very_good' ? p.very_good_change : p.bad_or_very_bad_change);
const share = (p: LsoaProperties, m: MapMeasure, y: 2011 | 2021): number =>
  m === 'very_good' ? (y === 2011 ? p.very_good_2011 : p.very_good_2021) : y === 2011 ? p.bad_or_very_bad_2011 : p.bad_or_very_bad_2021;

export function title(data: Data, state: State): string {
  const a = checked(data, state);
  return `${MEASURE_LABELS[state.measure]}: change by neighbourhood in ${place(data, a)}, 2011 to 2021, with ${a.name}’s ${footprintNoun(a)}`;
}

function rangeText(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return round1(lo) === round1(hi) ? `${fmtPp(lo)}` : `from ${fmtPp(lo)} to ${fmtPp(hi)}`;
}

export function summary(data: Data, state: State): string {
  const a = checked(data, state);
  const m = state.measure;
  const props = lsoaProps(data).filter((p) => !isMissing(change(p, m)));
  const inside = props.filter((p) => inArea(p, a));
  const outside = props.filter((p) => !inArea(p, a));
  const label = MEASURE_LABELS[m].toLowerCase();
  const parts = [
    `Across the ${props.length} neighbourhoods (LSOAs) mapped in ${place(data, a)}, the change in the share in ${label} ran ${rangeText(props.map((p) => change(p, m)))}.`,
  ];
  if (inside.length) {
    parts.push(
      `In the ${inside.length} ${inside.length === 1 ? 'LSOA' : 'LSOAs'} of ${a.name}’s ${footprintNoun(a)} it was ${rangeText(inside.map((p) => change(p, m)))}` +
        (outside.length ? `; elsewhere ${crossesBorder(data, a) ? 'on the map' : 'in the district'}, ${rangeText(outside.map((p) => change(p, m)))}.` : '.'),
    );
  }
  return parts.join(' ');
}

export function tableRows(data: Data, state: State): TableData {
  const a = checked(data, state);
  const m = state.measure;
  const rows = lsoaProps(data)
    .map((p) => ({ p, inside: inArea(p, a) }))
    .sort((x, y) => Number(y.inside) - Number(x.inside) || x.p.name.localeCompare(y.p.name, 'en-GB'));
  return {
    columns: ['Neighbourhood (LSOA)', 'In the footprint', '2011 (%)', '2021 (%)', 'Change (pp)'],
    rows: rows.map(({ p, inside }) => [
      `${p.name} (${p.lsoa21})`,
      inside ? 'Yes' : 'No',
      round1(share(p, m, 2011)),
      round1(share(p, m, 2021)),
      round1(change(p, m)),
    ]),
  };
}

interface AreaGeometry {
  height: number;
  lsoas: { props: LsoaProperties; d: string }[];
  outline: string;
  footprint: string;
}

/**
 * Projected paths per topology pair, area and size: the site renders the same area map several
 * times (area page, chart page, embed, both measures), and load.ts hands out one topology object
 * per file, so the cache is keyed by those objects.
 */
const geometryCache = new WeakMap<Topology, WeakMap<Topology, Map<string, AreaGeometry>>>();

function geometry(data: Data, width: number, maxHeight: number): AreaGeometry {
  const a = data.area;
  let byFootprints = geometryCache.get(data.lsoa);
  if (!byFootprints) geometryCache.set(data.lsoa, (byFootprints = new WeakMap()));
  let bySize = byFootprints.get(data.footprints);
  if (!bySize) byFootprints.set(data.footprints, (bySize = new Map()));
  // The footprint's LSOAs decide the outline (an area code names one footprint in real data).
  const key = [a.code, a.lsoa21.join(','), width, maxHeight].join('|');
  const hit = bySize.get(key);
  if (hit) return hit;

  let t = presimplify(data.lsoa as Parameters<typeof presimplify>[0]);
  // topojson-simplify's quantile ranks weights from largest down, so quantile(t, p) keeps a share p.
  t = simplify(t, quantile(t, KEEP_POINTS));
  const obj = t.objects.lsoa as GeometryCollection<LsoaProperties>;
  const lsoas = feature(t, obj) as FeatureCollection<Geometry, LsoaProperties>;
  // The outline is the union of the footprint's LSOAs in this (simplified) topology, so it lies
  // exactly on the LSOA edges. A footprint that reaches into another district (one area does)
  // falls back to the footprints file for the whole outline.
  const inside = obj.geometries.filter((g) => g.properties && inArea(g.properties as LsoaProperties, a));
  const complete = inside.length > 0 && a.lsoa21.every((code) => inside.some((g) => (g.properties as LsoaProperties).lsoa21 === code));
  let footprint: Feature<Geometry> | undefined;
  if (complete || a.lsoa21.length === 0) {
    footprint = inside.length ? { type: 'Feature', properties: {}, geometry: merge(t, inside as Parameters<typeof merge>[1]) } : undefined;
  } else {
    const fpObj = data.footprints.objects.footprints as GeometryCollection<{ code: string; name: string }>;
    const fpGeom = fpObj.geometries.find((g) => (g.properties as { code?: string } | undefined)?.code === a.code);
    footprint = fpGeom ? (feature(data.footprints, fpGeom) as Feature<Geometry>) : undefined;
  }

  const fitTo: FeatureCollection = { type: 'FeatureCollection', features: [...lsoas.features, ...(footprint ? [footprint] : [])] };
  const { projection, height } = fitProjection(fitTo, width, { padding: 8, maxHeight });
  const g: AreaGeometry = {
    height,
    lsoas: lsoas.features.map((f) => ({ props: f.properties, d: pathData(projection, f) })),
    // The map's edge, and the district border where the map reaches across it.
    outline: pathData(projection, mesh(t, obj, (x, y) => x === y || (x.properties as LsoaProperties).lad !== (y.properties as LsoaProperties).lad) as MultiLineString),
    footprint: footprint ? pathData(projection, footprint) : '',
  };
  bySize.set(key, g);
  return g;
}

export function render(data: Data, state: State, size: Size, opts: AreaMapRenderOptions = {}): string {
  const a = checked(data, state);
  const m = state.measure;
  const width = size.width;

  const withLegend = opts.legend !== false;
  const legendW = Math.min(width - 12, 7 * 56);
  const footprintSwatch = `<rect x="1" y="1" width="20" height="12" fill="none" stroke="#ffffff" stroke-width="4"/><rect x="1" y="1" width="20" height="12" fill="none" stroke="#111111" stroke-width="2"/>`;
  const geo = geometry(data, width, opts.maxHeight ?? Math.round(width * 1.1));
  const legend = withLegend
    ? legendSvg(m, 'lsoa', 6, 0, legendW, {
        showMissing: geo.lsoas.some((l) => isMissing(change(l.props, m))),
        extra: [{ label: `${a.name} (${footprintNoun(a)})`, swatch: footprintSwatch }],
      })
    : null;
  const top = legend ? round1(legend.height + 8) : 0;
  const mapH = geo.height;

  const paths = geo.lsoas
    .map(({ props: p, d }) => {
      const v = change(p, m);
      const inside = inArea(p, a);
      const tip = `${p.name}${inside ? ` (in ${a.name})` : ''}: ${isMissing(v) ? 'no data' : fmtPp(v)}`;
      return `<path d="${d}" fill="${classColour(classOf(v, BREAKS.lsoa[m]), m)}"><title>${escapeXml(tip)}</title></path>`;
    })
    .join('');
  const { outline, footprint: fp } = geo;
  const body =
    (legend ? legend.body : '') +
    `<g class="amap-map" transform="translate(0 ${top})">` +
    `<g class="amap-lsoas" stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">${paths}</g>` +
    `<path d="${outline}" fill="none" stroke="#595959" stroke-width="1" stroke-linejoin="round"/>` +
    (fp
      ? `<g class="amap-footprint" fill="none" stroke-linejoin="round"><path d="${fp}" stroke="#ffffff" stroke-width="5"/><path d="${fp}" stroke="#111111" stroke-width="2.5"/></g>`
      : '') +
    `</g>`;

  return svgRoot({
    idPrefix: opts.idPrefix ?? id,
    width,
    height: round1(mapH + top),
    title: title(data, state),
    desc: summary(data, state),
    className: `chart--${id} amap`,
    body,
  });
}

/** The classes the legend shows, for an HTML legend. */
export const legend = (state: State) => legendClasses(state.measure, 'lsoa');
