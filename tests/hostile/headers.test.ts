// Headers, item 8 of issue 14: `/`, `/console` and `/wall/*` used to send no Content-Security-Policy, no
// frame-ancestors or X-Frame-Options and no nosniff, so the console loaded inside another site's iframe. Checked on
// the built pages (npm test builds the client first) and on API answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

const csp = (h: Record<string, unknown>) => String(h['content-security-policy'] ?? '');
const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('pages and answers', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startApp(); });
  afterAll(async () => { await t.close(); });

  it('sends a policy without inline scripts, nosniff and no referrer on every page', async () => {
    for (const url of ['/', '/console', '/wall/main', '/wall/main/1', '/pair', '/api/summary']) {
      const res = await t.app.inject({ url });
      const policy = csp(res.headers);
      expect(directive(policy, 'script-src'), url).toBe("script-src 'self'");
      expect(directive(policy, 'object-src'), url).toBe("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('lets no other site frame the console, the pairing page or a wall by default', async () => {
    for (const url of ['/', '/console', '/pair', '/wall/main/1']) {
      const res = await t.app.inject({ url });
      expect(directive(csp(res.headers), 'frame-ancestors'), url).toBe("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('serves the built page with no inline script for the policy to break', async () => {
    const html = (await t.app.inject({ url: '/console' })).body;
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('the API description', () => {
  it('keeps Swagger UI\'s own policy but fits it to a closed network: no https: upgrade, no framing', async () => {
    const t = await startApp();
    try {
      const page = await t.app.inject({ url: '/docs/static/index.html' });
      const policy = csp(page.headers);
      expect(directive(policy, 'script-src')).toMatch(/^script-src 'self'/);
      expect(policy).not.toContain('upgrade-insecure-requests');
      expect(policy).not.toContain('https:');
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    } finally { await t.close(); }
  });
});

describe('SITROOM_FRAME_ANCESTORS', () => {
  it('lets the named portal frame wall pages, never the console', async () => {
    const t = await startApp({ env: { SITROOM_FRAME_ANCESTORS: 'https://portal.example.ru' } });
    try {
      const wall = await t.app.inject({ url: '/wall/main/1' });
      expect(directive(csp(wall.headers), 'frame-ancestors')).toBe('frame-ancestors https://portal.example.ru');
      expect(wall.headers['x-frame-options']).toBeUndefined();
      const console = await t.app.inject({ url: '/console' });
      expect(directive(csp(console.headers), 'frame-ancestors')).toBe("frame-ancestors 'none'");
    } finally { await t.close(); }
  });
});
