/**
 * Security settings in astro.config.mjs that no page test would notice if they were dropped.
 */
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

describe('astro.config.mjs', () => {
  it('never loads the Sharp image service (GHSA-26w7-cxv4-gfx2 in Astro < 7.2.8)', () => {
    expect(config.image?.service?.entrypoint).toBe('astro/assets/services/noop');
  });

  it('keeps stylesheets and scripts external, as the strict CSP requires', () => {
    expect(config.build?.inlineStylesheets).toBe('never');
    expect(config.vite?.build?.assetsInlineLimit).toBe(0);
  });
});
