import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bng, britishProjection, fitProjection, pathData, projectPoint } from './projection.ts';

const ring = (x0: number, y0: number, x1: number, y1: number, clockwise = true): Polygon => {
  const pts: [number, number][] = [
    [x0, y0],
    [x0, y1],
    [x1, y1],
    [x1, y0],
    [x0, y0],
  ];
  return { type: 'Polygon', coordinates: [clockwise ? pts : [...pts].reverse()] };
};
/** Roughly England's extent: Land's End to Lowestoft, the Lizard to Berwick. */
const ENGLAND_BOX: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: ring(-5.7, 49.96, 1.76, 55.81) }],
};

const LONDON: [number, number] = [-0.1276, 51.5072];
const BRISTOL: [number, number] = [-2.5879, 51.4545];
const NEWCASTLE: [number, number] = [-1.6178, 54.9783];

describe('British projection', () => {
  it('puts the true origin (2°W, 49°N) at 0,0 and keeps the central meridian vertical', () => {
    expect(bng(-2, 49)[0]).toBeCloseTo(0, 12);
    expect(bng(-2, 49)[1]).toBeCloseTo(0, 12);
    expect(bng(-2, 55)[0]).toBeCloseTo(0, 12);
  });

  it('keeps north up and east to the right', () => {
    const p = britishProjection(1000);
    expect(p(LONDON)[0]).toBeGreaterThan(p(BRISTOL)[0]);
    expect(p(NEWCASTLE)[1]).toBeLessThan(p(LONDON)[1]);
  });

  it('keeps distances close to true (within 0.1% on the central meridian over 6°)', () => {
    // 6° of latitude on a sphere of radius 1 is 6π/180 radians.
    const [, y49] = bng(-2, 49);
    const [, y55] = bng(-2, 55);
    expect(Math.abs(y49 - y55)).toBeCloseTo((6 * Math.PI) / 180, 6);
    // London–Bristol (~170 km) and London–Newcastle (~400 km) keep their ratio (±1%).
    const d = (a: [number, number], b: [number, number]) => Math.hypot(bng(...a)[0] - bng(...b)[0], bng(...a)[1] - bng(...b)[1]);
    expect(d(LONDON, NEWCASTLE) / d(LONDON, BRISTOL)).toBeGreaterThan(2.3);
    expect(d(LONDON, NEWCASTLE) / d(LONDON, BRISTOL)).toBeLessThan(2.4);
  });
});

describe('fitProjection', () => {
  it.each([320, 560, 640])('fills the width %i with padding, England taller than wide', (width) => {
    const { projection, height } = fitProjection(ENGLAND_BOX, width, { padding: 6 });
    expect(height).toBeGreaterThan(width);
    expect(height).toBeLessThan(width * 1.5);
    const xs = [-5.7, 1.76].flatMap((lon) => [49.96, 55.81].map((lat) => projection([lon, lat])[0]));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(6 - 0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(width - 6 + 0.01);
    // The widest row touches both paddings.
    expect(Math.min(...xs)).toBeCloseTo(6, 0);
    expect(Math.max(...xs)).toBeCloseTo(width - 6, 0);
  });

  it('honours maxHeight and centres the map horizontally', () => {
    const { projection, height, width } = fitProjection(ENGLAND_BOX, 600, { padding: 0, maxHeight: 300 });
    expect(height).toBe(300);
    // The box's corners (its edges are straight lines between them once projected).
    const ys = [-5.7, 1.76].flatMap((lon) => [49.96, 55.81].map((lat) => projection([lon, lat])[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-0.01);
    expect(Math.max(...ys)).toBeLessThanOrEqual(300.01);
    const xs = [-5.7, 1.76].flatMap((lon) => [49.96, 55.81].map((lat) => projection([lon, lat])[0]));
    expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(width / 2, 0);
  });

  it('does not depend on ring winding (planar, no spherical clipping)', () => {
    const cw = fitProjection({ type: 'Feature', properties: {}, geometry: ring(-2, 52, -1, 53, true) }, 400);
    const ccw = fitProjection({ type: 'Feature', properties: {}, geometry: ring(-2, 52, -1, 53, false) }, 400);
    expect(ccw.height).toBe(cw.height);
    expect(ccw.projection([-1.5, 52.5])).toEqual(cw.projection([-1.5, 52.5]));
  });
});

describe('pathData', () => {
  const fitted = fitProjection({ type: 'Feature', properties: {}, geometry: ring(-2, 52, -1, 53) }, 100);

  it('writes compact relative paths rounded to 0.1 px', () => {
    const d = pathData(fitted.projection, ring(-2, 52, -1, 53));
    expect(d).toMatch(/^M[\d.]+ [\d.]+l[-\d. ]+z$/);
    for (const n of d.match(/-?\d*\.?\d+/g)!) expect(n.replace(/^-?\d*\.?/, '').length).toBeLessThanOrEqual(1);
  });

  it('returns to where it started (the relative steps add up)', () => {
    const d = pathData(fitted.projection, ring(-2, 52, -1, 53));
    const nums = d.slice(1, -1).replace('l', ' ').replace(/-/g, ' -').trim().split(/\s+/).map(Number);
    const [x0, y0, ...rest] = nums;
    let x = x0!;
    let y = y0!;
    for (let i = 0; i < rest.length; i += 2) {
      x += rest[i]!;
      y += rest[i + 1]!;
    }
    const start = fitted.projection([-2, 52]);
    const last = fitted.projection([-1, 52]);
    expect(x0).toBeCloseTo(start[0], 1);
    expect(y0).toBeCloseTo(start[1], 1);
    expect(x).toBeCloseTo(last[0], 0);
    expect(y).toBeCloseTo(last[1], 0);
  });

  it('drops rings that shrink below a pixel', () => {
    expect(pathData(fitted.projection, ring(-2, 52, -1.99999, 52.00001))).toBe('');
  });

  it('projects marker points to 0.1 px', () => {
    const p = projectPoint(fitted.projection, [-1.5, 52.5])!;
    expect(p[0] * 10).toBe(Math.round(p[0] * 10));
    expect(p[0]).toBeGreaterThan(0);
    expect(p[0]).toBeLessThan(100);
  });
});
