/**
 * A British projection and compact SVG path output for the maps.
 *
 * The projection is a transverse Mercator on the British National Grid's central meridian (2°W),
 * the projection Ordnance Survey uses, so England keeps the shape readers know. `fitProjection`
 * scales and translates it to fill a width (the height follows from the shape's aspect ratio).
 *
 * Path strings are written with relative commands and coordinates rounded to 0.1 px, dropping
 * points that round onto the previous one: a map of every English district stays small enough to
 * sit inline in the page HTML. Everything here is pure (no DOM).
 */
import { geoPath, geoTransform, type GeoPermissibleObjects, type GeoStream } from 'd3';

/** British National Grid's central meridian: 2°W. */
export const BNG_CENTRAL_MERIDIAN = -2;
/** British National Grid's latitude of true origin: 49°N. */
export const BNG_ORIGIN_LATITUDE = 49;

const RAD = Math.PI / 180;

/**
 * Spherical transverse Mercator about the BNG central meridian, in radians of the unit sphere,
 * with y pointing down (screen order). Planar from here on: no spherical clipping, so the result
 * does not depend on the winding order of the input rings.
 */
export function bng(lon: number, lat: number): [number, number] {
  const lambda = (lon - BNG_CENTRAL_MERIDIAN) * RAD;
  const phi = lat * RAD;
  const b = Math.cos(phi) * Math.sin(lambda);
  const x = 0.5 * Math.log((1 + b) / (1 - b));
  const y = Math.atan2(Math.tan(phi), Math.cos(lambda)) - BNG_ORIGIN_LATITUDE * RAD;
  return [x, -y];
}

/** A projection: a point function plus a d3 stream for geoPath. */
export interface MapProjection {
  (lonLat: [number, number]): [number, number];
  stream(s: GeoStream): GeoStream;
  /** Pixels per radian, and the offset of the projected origin. */
  scale: number;
  translate: [number, number];
}

/** The British projection scaled by `scale` px per radian and shifted by `translate`. */
export function britishProjection(scale = 1, translate: [number, number] = [0, 0]): MapProjection {
  const [tx, ty] = translate;
  const point = (lonLat: [number, number]): [number, number] => {
    const [x, y] = bng(lonLat[0], lonLat[1]);
    return [x * scale + tx, y * scale + ty];
  };
  const transform = geoTransform({
    point(this: { stream: GeoStream }, lon: number, lat: number) {
      const [x, y] = bng(lon, lat);
      this.stream.point(x * scale + tx, y * scale + ty);
    },
  });
  return Object.assign(point, { stream: transform.stream, scale, translate: [tx, ty] as [number, number] });
}

export interface FittedProjection {
  projection: MapProjection;
  width: number;
  height: number;
}

/**
 * Fit the British projection to `object` in a box `width` px wide with `padding` px on every side.
 * The height follows from the object's shape, capped by `maxHeight` (the map is then narrower
 * than the box and centred in it).
 */
export function fitProjection(
  object: GeoPermissibleObjects,
  width: number,
  o: { padding?: number; maxHeight?: number } = {},
): FittedProjection {
  const pad = o.padding ?? 0;
  const [[x0, y0], [x1, y1]] = geoPath(britishProjection()).bounds(object);
  const dx = Math.max(x1 - x0, 1e-12);
  const dy = Math.max(y1 - y0, 1e-12);
  const innerW = Math.max(1, width - 2 * pad);
  let scale = innerW / dx;
  let height = Math.ceil(dy * scale + 2 * pad);
  if (o.maxHeight !== undefined && height > o.maxHeight) {
    height = Math.floor(o.maxHeight);
    scale = Math.min(innerW / dx, Math.max(1, height - 2 * pad) / dy);
  }
  const tx = pad + (innerW - dx * scale) / 2 - x0 * scale;
  const ty = pad + (height - 2 * pad - dy * scale) / 2 - y0 * scale;
  return { projection: britishProjection(scale, [tx, ty]), width, height };
}

const r1 = (v: number) => Math.round(v * 10);

/**
 * A d3 path context that writes compact markup: integers are tenths of a pixel, every point after
 * a ring's first is relative ("l"), and points that round onto the previous one are dropped.
 */
class CompactPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private ringPoints = 0;
  private hasLine = false;

  moveTo(x: number, y: number): void {
    this.x = r1(x);
    this.y = r1(y);
    this.ringPoints = 1;
    this.hasLine = false;
    this.parts.push(`M${fmt(this.x)} ${fmt(this.y)}`);
  }

  lineTo(x: number, y: number): void {
    const nx = r1(x);
    const ny = r1(y);
    const dx = nx - this.x;
    const dy = ny - this.y;
    if (dx === 0 && dy === 0) return;
    const last = this.parts[this.parts.length - 1]!;
    const seg = `${fmt(dx)}${dy < 0 ? '' : ' '}${fmt(dy)}`;
    // Consecutive "l" segments share one command letter.
    this.parts[this.parts.length - 1] = this.hasLine ? `${last}${dx < 0 ? '' : ' '}${seg}` : `${last}l${seg}`;
    this.hasLine = true;
    this.x = nx;
    this.y = ny;
    this.ringPoints++;
  }

  closePath(): void {
    if (this.ringPoints < 3) {
      // A ring that collapsed to a point or a line at this scale draws nothing: drop it.
      this.parts.pop();
    } else {
      this.parts[this.parts.length - 1] += 'z';
    }
    this.ringPoints = 0;
  }

  arc(): void {
    /* points are drawn as circles by the charts themselves */
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Tenths of a pixel (an integer) as a decimal string: 1234 → "123.4", -5 → "-.5". */
function fmt(tenths: number): string {
  const neg = tenths < 0;
  const a = Math.abs(tenths);
  const int = Math.floor(a / 10);
  const dec = a % 10;
  const body = dec === 0 ? String(int) : int === 0 ? `.${dec}` : `${int}.${dec}`;
  return neg ? `-${body}` : body;
}

/** The compact SVG path data of a GeoJSON object under a projection ("" when nothing is drawn). */
export function pathData(projection: MapProjection, object: GeoPermissibleObjects): string {
  const ctx = new CompactPath();
  geoPath(projection, ctx as unknown as CanvasRenderingContext2D)(object);
  return ctx.toString();
}

/** A projected point rounded to 0.1 px, or null when the projection cannot place it. */
export function projectPoint(projection: MapProjection, lonLat: [number, number]): [number, number] | null {
  const p = projection(lonLat);
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
  return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
}

/** Projected bounds [[x0, y0], [x1, y1]] of an object. */
export function projectedBounds(projection: MapProjection, object: GeoPermissibleObjects): [[number, number], [number, number]] {
  return geoPath(projection).bounds(object);
}
