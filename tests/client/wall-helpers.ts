// What the wall tests read off the page: panels, their stale flags, numbers, and the map's pixels.
import type { Page } from 'playwright-core';
import { PANEL_KINDS } from '../../server/protocol/layout';
import { decodePng, type Pixels } from '../helpers/browser';

export interface PanelState { kind: string; stale: string; text: string }

export const panels = (page: Page): Promise<PanelState[]> => page.$$eval('[data-panel]', (els) => els.map((e) => ({
  kind: e.getAttribute('data-panel') ?? '', stale: e.getAttribute('data-stale') ?? '', text: (e as HTMLElement).innerText,
})));

/** The built-in panel kinds, all on the Overview (the metric panels are on the Departments layout, the headlines on
 *  the Delegation scene, the year's panels on the Year). */
export const OVERVIEW_KINDS = PANEL_KINDS.filter((k) => !k.startsWith('metric-') && !k.startsWith('year-') && k !== 'headlines');

/** The layout's panels (by default the Overview's) are all present and none is stale. */
export async function allLive(page: Page, kinds: readonly string[] = OVERVIEW_KINDS): Promise<boolean> {
  const list = await panels(page);
  return kinds.every((k) => list.some((p) => p.kind === k)) && list.every((p) => p.stale === 'false');
}

export async function allStale(page: Page): Promise<boolean> {
  const list = await panels(page);
  return list.length > 0 && list.every((p) => p.stale === 'true');
}

/** The big number of a panel, as an integer (thousands separators removed). */
export async function bigNumber(page: Page, kind: string): Promise<number> {
  const text = await page.locator(`[data-panel="${kind}"] .big`).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

export async function mapPixels(page: Page): Promise<Pixels> {
  return decodePng(await page.locator('[data-panel="map"] .map-box').screenshot());
}

export interface Diagnostics { fleetFrames: number; vehicles: number; positions: number[]; mapFrames: number; containerSites: number; appealPoints: number }
export const diagnostics = (page: Page): Promise<Diagnostics> =>
  page.evaluate(() => (window as unknown as { sitroom: { diagnostics(): Diagnostics } }).sitroom.diagnostics());
