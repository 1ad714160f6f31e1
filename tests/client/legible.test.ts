// Legible in both languages at every size: every shipped layout in Russian and English at 1366×768, 1920×1080 and
// 3840×2160, and every scene on the walls' own canvas, in real Chromium against the real server (simulator on): no
// text inside a panel is cut by its box or its panel, nor hidden behind an ellipsis, unless it is free text marked
// `data-ellipsis`. A failure names the layout, the size, the language, the panel and the text.
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../helpers/app';
import { dataDir, editedDataCopy } from '../helpers/data-copy';
import { launchBrowser, openWall, saveScreenshot, until } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { clippedText, type Clipped } from './clipped';

const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '3', SITROOM_SIM_BACKFILL_DAYS: '9', SITROOM_SIM_SITES: '3000' };
const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }];
const LANGS = ['ru', 'en'] as const;
const LAYOUTS = readdirSync(path.join(dataDir, 'layouts')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const dir = tempDir();
// scenes switched as soon as the page has them (no 8 s lead for screens that are not there), no alarm taking over
const data = editedDataCopy<Record<string, unknown>>('walls/main.json', (w) => { w['switchLeadMs'] = 500; w['alarms'] = []; });
let url: string;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, { ...SIM, SITROOM_DATA_DIR: data.dir });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => { await browser?.close(); if (server) await stopServer(server); dir.remove(); data.remove(); });

/** the page's panels drawn with data: every panel's figures in, the fonts loaded */
async function settled(page: import('playwright-core').Page): Promise<void> {
  await until(async () => (await page.locator('[data-panel]').count()) > 0 && (await page.locator('.loading').count()) === 0, 60_000, 200);
  await page.evaluate(() => document.fonts.ready);
  // a frame for the last layout (a resize, a scene raised) to settle
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const report = (where: string, found: Clipped[]) => found.map((c) => `${where} · ${c.panel}: "${c.text}" ${c.why}`).join('\n');

describe('legible in both languages at every size', () => {
  for (const layout of LAYOUTS) {
    it(`layout ${layout}: nothing cut in Russian or English at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}`, async () => {
      const found: string[] = [];
      for (const lang of LANGS) {
        const wall = await openWall(browser, `${url}/?layout=${layout}&lang=${lang}`, SIZES[0]);
        try {
          for (const size of SIZES) {
            await wall.page.setViewportSize(size);
            await settled(wall.page);
            const clipped = await clippedText(wall.page);
            if (clipped.length) found.push(report(`${layout} ${size.width}×${size.height} ${lang}`, clipped));
            if (layout === 'overview' && lang === 'ru') await saveScreenshot(wall.page, `overview-ru-${size.width}x${size.height}.png`);
          }
        } finally { await wall.context.close(); }
      }
      expect(found.join('\n'), 'text cut off').toBe('');
    }, 300_000);
  }

  it('every scene of the main wall on its 3840×1080 canvas, in Russian and English', async () => {
    const scenes = readdirSync(path.join(dataDir, 'scenes')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    const found: string[] = [];
    const post = (p: string, body: unknown) => fetch(`${url}/api/walls/main/${p}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const lang of LANGS) {
      await post('lang', { lang });
      const wall = await openWall(browser, `${url}/wall/main`, { width: 3840, height: 1080 });
      try {
        for (const scene of scenes) {
          await post('scene', { scene });
          expect(await until(async () => (await wall.page.locator('.screen-root').getAttribute('data-scene')) === scene, 60_000, 200), `scene ${scene} shown`).toBe(true);
          await settled(wall.page);
          const clipped = await clippedText(wall.page);
          if (clipped.length) found.push(report(`scene ${scene} 3840×1080 ${lang}`, clipped));
        }
      } finally { await wall.context.close(); }
    }
    expect(found.join('\n'), 'text cut off').toBe('');
  }, 600_000);
});
