import { describe, expect, it } from 'vitest';
import { PREVIEW_ORIGIN, siteUrl } from '../../scripts/site-url.mjs';
import config from '../../astro.config.mjs';

describe('siteUrl', () => {
  it('takes the origin from SITE_URL, without a warning', () => {
    expect(siteUrl({ SITE_URL: 'https://news.example.net' })).toEqual({ site: 'https://news.example.net', warning: null });
    expect(siteUrl({ SITE_URL: ' https://news.example.net/ ' }).site).toBe('https://news.example.net');
  });

  it('without SITE_URL uses the preview address and says the build is not for deployment', () => {
    const r = siteUrl({});
    expect(r.site).toBe(PREVIEW_ORIGIN);
    expect(r.warning).toMatch(/SITE_URL is not set.*Do not deploy it/);
  });

  it('refuses a deployment without SITE_URL, and anything that is not an origin', () => {
    expect(() => siteUrl({ DEPLOY: '1' })).toThrow(/DEPLOY is set but SITE_URL is not/);
    expect(() => siteUrl({ SITE_URL: 'news.example.net' })).toThrow(/is not a URL/);
    expect(() => siteUrl({ SITE_URL: 'ftp://news.example.net' })).toThrow(/must start with https/);
    expect(() => siteUrl({ SITE_URL: 'https://news.example.net/health/' })).toThrow(/origin only/);
  });

  it('is what astro.config.mjs builds with', () => {
    expect(config.site).toBe(siteUrl(process.env).site);
    expect(config.site).not.toContain('example.org');
  });
});
