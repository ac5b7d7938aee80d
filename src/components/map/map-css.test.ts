import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classColour, MAP_MEASURES, MISSING_COLOUR } from '../../charts/map-scale.ts';

const css = readFileSync(join(__dirname, 'map.css'), 'utf8');

describe('map.css (the no-JS measure toggle)', () => {
  it.each(MAP_MEASURES)('recolours every district class for %s exactly as map-scale.ts does', (m) => {
    for (let k = 0; k < 7; k++) {
      const re = new RegExp(`input\\[value='${m}'\\]:checked\\) \\.emap-lad\\[data-k-${m}='${k}'\\] \\{\\s*fill: (#[0-9a-f]{6});`);
      expect(re.exec(css)?.[1], `class ${k}`).toBe(classColour(k, m));
    }
    const missing = new RegExp(`data-k-${m}='x'\\] \\{\\s*fill: (#[0-9a-f]{6});`).exec(css)?.[1];
    expect(missing).toBe(MISSING_COLOUR);
  });
});
