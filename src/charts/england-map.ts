/**
 * England by local authority district: the change in a health share, 2011 to 2021, as a classed
 * diverging choropleth, with the 150 Big Local areas drawn on top as markers (links to their
 * pages). Pure: data, state and size in, SVG string out, like every chart.
 *
 * Markup the browser enhancer (src/client/map.ts) and the component CSS rely on:
 * - root <svg class="chart chart--england-map emap" data-measure>, role="group" (not "img": the
 *   markers inside are links and must stay reachable);
 * - a nested <svg class="emap-frame"> holds everything that zooms (the enhancer sets its viewBox);
 * - each district <path class="emap-lad" data-code data-region data-k-very_good data-k-bad_or_very_bad>;
 * - each marker <a class="emap-marker" href data-code data-name data-lad data-region data-very_good
 *   data-bad_or_very_bad> around an invisible <path class="emap-hit"> and a <circle>.
 *
 * The hit path is the marker's target: its Voronoi cell among all the markers, clipped to
 * HIT_RADIUS around it (see `hitAreas`). A 9 px dot (5.5 px on a phone) is too small to touch, and
 * 142 of the 150 lie within 24 px of another on a phone; the cells make every point near a marker
 * pick the nearest one. Where markers crowd, the enhancer's preview lists the neighbours too.
 */
import { Delaunay } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MEASURE_LABELS, type BigLocalArea, type Place } from '../data/constants.ts';
import { fitProjection, pathData, projectedBounds, projectPoint, type MapProjection } from '../geo/projection.ts';
import {
  BREAKS,
  classColour,
  classOf,
  legendClasses,
  legendSvg,
  MAP_MEASURES,
  type MapMeasure,
} from './map-scale.ts';
import { escapeXml, fmtPp, round1, sanitizeId, FONT_FAMILY, type RenderOptions, type Size, type TableData } from './svg.ts';
import { allOfficial, listJoin } from './words.ts';

export const id = 'england-map';

export interface Data {
  /** englandDistricts(): object "lads", properties {code, name, region}. */
  topology: Topology;
  districts: Place[];
  regions: Place[];
  areas: BigLocalArea[];
}

export interface State {
  measure: MapMeasure;
}

export const defaultState: State = { measure: 'very_good' };

export interface MapRenderOptions extends RenderOptions {
  /** Draw the legend inside the SVG (default true). Components that print an HTML legend pass false. */
  legend?: boolean;
  /** Where a marker links; default /areas/<code>/. */
  areaHref?: (code: string) => string;
}

interface LadProps {
  code: string;
  name: string;
  region: string;
}

/**
 * Share of points kept when simplifying the district outlines. At the map's ~600 px a quarter
 * looks the same as a half (compared in screenshots) and shortens the story's heaviest markup.
 */
export const KEEP_POINTS = 0.25;

interface Geometry0 {
  projection: MapProjection;
  width: number;
  height: number;
  lads: { props: LadProps; d: string }[];
  outline: string;
  regionLines: string;
  /** Projected bounds of each region, [x, y, w, h]. */
  regionBoxes: Map<string, [number, number, number, number]>;
}

const cache = new WeakMap<Topology, Map<number, Geometry0>>();

/** Project the districts once per topology and width (the story and the index share it). */
export function geometry(topology: Topology, width: number): Geometry0 {
  let byWidth = cache.get(topology);
  if (!byWidth) cache.set(topology, (byWidth = new Map()));
  const hit = byWidth.get(width);
  if (hit) return hit;

  let t = presimplify(topology as Parameters<typeof presimplify>[0]);
  // topojson-simplify's quantile ranks weights from largest down, so quantile(t, p) keeps a share p.
  t = simplify(t, quantile(t, KEEP_POINTS));
  const obj = t.objects.lads as GeometryCollection<LadProps>;
  const fc = feature(t, obj) as FeatureCollection<Geometry, LadProps>;
  const { projection, height } = fitProjection(fc, width, { padding: 6 });
  const lads = fc.features.map((f) => ({ props: f.properties, d: pathData(projection, f) }));
  const outline = pathData(projection, mesh(t, obj, (a, b) => a === b) as MultiLineString);
  const regionLines = pathData(
    projection,
    mesh(t, obj, (a, b) => a !== b && (a.properties as LadProps).region !== (b.properties as LadProps).region) as MultiLineString,
  );
  const regionBoxes = new Map<string, [number, number, number, number]>();
  const byRegion = new Map<string, Feature<Geometry, LadProps>[]>();
  for (const f of fc.features) {
    const list = byRegion.get(f.properties.region) ?? [];
    list.push(f);
    byRegion.set(f.properties.region, list);
  }
  for (const [code, features] of byRegion) {
    const [[x0, y0], [x1, y1]] = projectedBounds(projection, { type: 'FeatureCollection', features });
    regionBoxes.set(code, [round1(x0), round1(y0), round1(x1 - x0), round1(y1 - y0)]);
  }
  const g: Geometry0 = { projection, width, height, lads, outline, regionLines, regionBoxes };
  byWidth.set(width, g);
  return g;
}

function placeIndex(data: Data): Map<string, Place> {
  return new Map(data.districts.map((d) => [d.code, d]));
}

export function title(data: Data, state: State): string {
  return `${MEASURE_LABELS[state.measure]}: change by local authority, 2011 to 2021, with the ${data.areas.length} Big Local areas`;
}

export function summary(data: Data, state: State): string {
  const m = state.measure;
  const places = data.districts.filter((d) => Number.isFinite(d.health.changePp[m]));
  const rose = places.filter((d) => round1(d.health.changePp[m]) > 0).length;
  const fell = places.filter((d) => round1(d.health.changePp[m]) < 0).length;
  const sorted = [...places].sort((a, b) => a.health.changePp[m] - b.health.changePp[m]);
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const label = MEASURE_LABELS[m].toLowerCase();
  // Changes that round to 0.0 are neither: say how many, so the counts add up to the whole.
  const same = places.length - rose - fell;
  const parts = [`the share in ${label} rose in ${rose} of ${places.length} local authorities`, `fell in ${fell}`, ...(same ? [`changed by less than 0.05 points in ${same}`] : [])];
  const head = `Between 2011 and 2021 ${listJoin(parts)}`;
  const range = lo && hi ? ` It ranged from ${fmtPp(lo.health.changePp[m])} in ${lo.name} to ${fmtPp(hi.health.changePp[m])} in ${hi.name}.` : '';
  const marked = `The ${data.areas.length} Big Local areas are marked with dots`;
  return `${head}.${range} ${allOfficial(data.areas) ? `${marked}.` : `${marked}; their footprints are approximate.`}`;
}

export function tableRows(data: Data, state: State): TableData {
  return districtTable(data, [state.measure]);
}

/**
 * One table for every measure the map can show, for a page that offers the measure toggle: one
 * table of both is half the markup of a table per measure (the story's map section was the
 * page's heaviest part), and a reader sees both without switching.
 */
export function tableRowsAllMeasures(data: Data): TableData {
  return districtTable(data, MAP_MEASURES);
}

function districtTable(data: Data, measures: readonly MapMeasure[]): TableData {
  const regionName = new Map(data.regions.map((r) => [r.code, r.name]));
  return {
    columns: [
      'Local authority',
      'Region',
      ...measures.flatMap(() => ['2011 (%)', '2021 (%)', 'Change (pp)']),
      'Big Local areas',
    ],
    // More than one measure: each measure's label heads its three columns. One measure keeps the
    // single header row the chart page's data.csv has always had.
    ...(measures.length > 1 && {
      groups: [{ span: 2 }, ...measures.map((m) => ({ label: MEASURE_LABELS[m], span: 3 })), { span: 1 }],
    }),
    rows: [...data.districts]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((d) => [
        d.name,
        regionName.get(d.regionCode) ?? d.regionName,
        ...measures.flatMap((m) => [round1(d.health.pct2011[m]), round1(d.health.pct2021[m]), round1(d.health.changePp[m])]),
        d.bigLocalAreas.length,
      ]),
  };
}

/** Each region's name and projected box [x, y, w, h] in the map frame's coordinates (for zooming). */
export function regionBoxes(data: Data, size: Size): { code: string; name: string; box: [number, number, number, number] }[] {
  const g = geometry(data.topology, size.width);
  return data.regions
    .filter((r) => g.regionBoxes.has(r.code))
    .map((r) => {
      const [x, y, w, h] = g.regionBoxes.get(r.code)!;
      return { code: r.code, name: r.name, box: [x, y, w, h] as [number, number, number, number] };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function legendHeight(width: number): number {
  return legendSvg('very_good', 'district', 0, 0, legendWidth(width)).height + 8;
}
const legendWidth = (width: number) => Math.min(width - 12, 7 * 56);

/** Marker radius in px at the map's own scale. */
export const MARKER_RADIUS = 4.5;
/**
 * How far from its marker a hit area reaches, in px at the map's own scale: 20 px is a 40 px
 * circle at 560 px (a desk) and 24 CSS px on a phone, where the map is shown at about 340 px.
 */
export const HIT_RADIUS = 20;
/** Sides of the polygon that stands for a hit area's circle. */
const CIRCLE_SIDES = 24;

type Point = [number, number];

/** Sutherland–Hodgman: the part of polygon `subject` inside the convex polygon `clip` (both anticlockwise or both clockwise). */
export function clipConvex(subject: Point[], clip: Point[]): Point[] {
  let out = subject;
  // Orientation of the clip polygon, so "inside" is the same side for every edge.
  let area2 = 0;
  for (let i = 0; i < clip.length; i++) {
    const [x1, y1] = clip[i]!;
    const [x2, y2] = clip[(i + 1) % clip.length]!;
    area2 += x1 * y2 - x2 * y1;
  }
  const sign = Math.sign(area2) || 1;
  for (let i = 0; i < clip.length && out.length; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const side = (p: Point) => sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    const cross = (p: Point, q: Point): Point => {
      const sp = side(p);
      const sq = side(q);
      const t = sp / (sp - sq);
      return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
    };
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const pin = side(p) >= 0;
      const qin = side(q) >= 0;
      if (pin) out.push(p);
      if (pin !== qin) out.push(cross(p, q));
    }
  }
  return out;
}

/**
 * Each point's hit area: its Voronoi cell inside `bounds` [x0, y0, x1, y1], clipped to a circle of
 * `radius` round it, as a polygon; null for a point that shares its place with an earlier one.
 */
export function hitAreas(points: Point[], radius: number, bounds: [number, number, number, number]): (Point[] | null)[] {
  if (points.length === 0) return [];
  const voronoi = Delaunay.from(points).voronoi(bounds);
  return points.map((p, i) => {
    const cell = voronoi.cellPolygon(i) as Point[] | null;
    if (!cell) return null;
    const ring = cell.slice(0, -1); // d3 closes the ring
    const circle: Point[] = Array.from({ length: CIRCLE_SIDES }, (_, k) => {
      const a = (2 * Math.PI * k) / CIRCLE_SIDES;
      return [p[0] + radius * Math.cos(a), p[1] + radius * Math.sin(a)];
    });
    const clipped = clipConvex(ring, circle);
    return clipped.length >= 3 ? clipped : null;
  });
}

const polygonPath = (poly: Point[]): string =>
  `M${poly.map(([x, y]) => `${round1(x)},${round1(y)}`).join('L')}Z`;

export function render(data: Data, state: State, size: Size, opts: MapRenderOptions = {}): string {
  const m = state.measure;
  const width = size.width;
  const g = geometry(data.topology, width);
  const withLegend = opts.legend !== false;
  const top = withLegend ? legendHeight(width) : 0;
  const height = round1(g.height + top);
  const pid = sanitizeId(opts.idPrefix ?? id);
  const places = placeIndex(data);
  const href = opts.areaHref ?? ((code: string) => `/areas/${code}/`);

  const ladPaths = g.lads
    .map(({ props, d }) => {
      const place = places.get(props.code);
      const ks = MAP_MEASURES.map((mm) => classOf(place?.health.changePp[mm], BREAKS.district[mm]));
      const k = ks[MAP_MEASURES.indexOf(m)]!;
      const words = place
        ? MAP_MEASURES.map((mm) => `${MEASURE_LABELS[mm].toLowerCase()} ${fmtPp(place.health.changePp[mm])}`).join('; ')
        : 'no data';
      const kAttrs = MAP_MEASURES.map((mm, i) => `data-k-${mm}="${ks[i] ?? 'x'}"`).join(' ');
      return (
        `<path class="emap-lad" d="${d}" fill="${classColour(k, m)}" data-code="${escapeXml(props.code)}" ` +
        `data-region="${escapeXml(props.region)}" ${kAttrs}><title>${escapeXml(`${props.name}: ${words}`)}</title></path>`
      );
    })
    .join('');

  // West to east, then north to south: a predictable reading (and tab) order.
  const placedAreas = [...data.areas]
    .sort((a, b) => a.marker[0] - b.marker[0] || b.marker[1] - a.marker[1])
    .flatMap((a) => {
      const p = projectPoint(g.projection, a.marker);
      return p ? [{ a, p: p as Point }] : [];
    });
  const hits = hitAreas(
    placedAreas.map((x) => x.p),
    HIT_RADIUS,
    [0, 0, width, g.height],
  );
  const markers = placedAreas
    .map(({ a, p }, i) => {
      const changes = MAP_MEASURES.map((mm) => `${MEASURE_LABELS[mm].toLowerCase()} ${fmtPp(a.health.changePp[mm])}`).join(', ');
      const label = `${a.name}, ${a.ladName}: ${changes}`;
      const vals = MAP_MEASURES.map((mm) => `data-${mm}="${round1(a.health.changePp[mm])}"`).join(' ');
      const hit = hits[i];
      return (
        `<a class="emap-marker" href="${escapeXml(href(a.code))}" aria-label="${escapeXml(label)}" ` +
        `data-code="${escapeXml(a.code)}" data-name="${escapeXml(a.name)}" data-lad="${escapeXml(a.ladName)}" ` +
        `data-region="${escapeXml(a.regionCode)}" ${vals}>` +
        `<title>${escapeXml(a.name)}</title>` +
        (hit ? `<path class="emap-hit" d="${polygonPath(hit)}" fill="#000000" fill-opacity="0" stroke="none"/>` : '') +
        `<circle cx="${p[0]}" cy="${p[1]}" r="${MARKER_RADIUS}"/></a>`
      );
    })
    .join('');

  const legends = withLegend
    ? MAP_MEASURES.map((mm) => {
        const l = legendSvg(mm, 'district', 6, 0, legendWidth(width), {
          extra: [
            {
              label: 'Big Local area',
              swatch: `<circle cx="7" cy="7" r="${MARKER_RADIUS}" fill="#111111" stroke="#ffffff" stroke-width="1.2"/>`,
            },
          ],
        });
        return mm === m ? l.body : l.body.replace('<g class="map-legend"', '<g class="map-legend" display="none"');
      }).join('')
    : '';

  // The map sits in a nested <svg>: it clips its content, and the enhancer zooms to a region by
  // setting its viewBox.
  const mapH = round1(g.height);
  const body =
    legends +
    `<svg class="emap-frame" x="0" y="${top}" width="${round1(width)}" height="${mapH}" viewBox="0 0 ${round1(width)} ${mapH}">` +
    `<g class="emap-lads" aria-hidden="true" stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">${ladPaths}</g>` +
    `<path class="emap-regions" d="${g.regionLines}" fill="none" stroke="#595959" stroke-width="0.8" stroke-linejoin="round" aria-hidden="true"/>` +
    `<path class="emap-outline" d="${g.outline}" fill="none" stroke="#595959" stroke-width="0.8" stroke-linejoin="round" aria-hidden="true"/>` +
    `<g class="emap-markers" fill="#111111" stroke="#ffffff" stroke-width="1.2">${markers}</g>` +
    `</svg>`;

  const w = round1(width);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--${id} emap" width="${w}" height="${height}" ` +
    `viewBox="0 0 ${w} ${height}" role="group" aria-labelledby="${pid}-title" aria-describedby="${pid}-desc" ` +
    `data-measure="${m}" data-map-top="${top}" font-family="${escapeXml(FONT_FAMILY)}" font-size="13">` +
    `<title id="${pid}-title">${escapeXml(title(data, state))}</title>` +
    `<desc id="${pid}-desc">${escapeXml(summary(data, state))}</desc>` +
    body +
    `</svg>`
  );
}

/** The classes the legend shows, for an HTML legend. */
export const legend = (state: State) => legendClasses(state.measure, 'district');
