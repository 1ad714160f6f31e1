// Wall layouts are data: the shipped ones load and are served; a broken one stops the start naming file and field.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLayouts } from '../../../server/reference/layouts';
import { PANEL_KINDS, type Layout } from '../../../server/protocol/layout';
import { loadWalls } from '../../../server/reference/walls';
import { startApp } from '../../helpers/app';
import { dataDir, editedDataCopy } from '../../helpers/data-copy';

let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

type LayoutJson = Record<string, unknown> & { panels: Record<string, unknown>[] };
function withOverview(edit: (layout: LayoutJson) => void): string {
  const copy = editedDataCopy<LayoutJson>(path.join('layouts', 'overview.json'), edit);
  cleanup = copy.remove;
  return copy.dir;
}

describe('wall layouts', () => {
  it('ships an Overview with the built-in panels, a Laptop layout, Departments with the metric panels and the Year', () => {
    const layouts = loadLayouts(dataDir);
    expect([...layouts.keys()].sort()).toEqual(['departments', 'laptop', 'overview', 'year']);
    // every panel kind is on a shipped layout: the Overview has the built-in ones, Departments the metric panels
    // (the Delegation scene of the walls has the headlines)
    const shown = new Set([...layouts.values(), ...loadWalls(dataDir).scenes.values()].flatMap((l) => l.panels.map((p) => p.kind)));
    expect(shown).toEqual(new Set(PANEL_KINDS));
    expect(layouts.get('overview')!.panels.some((p) => p.kind.startsWith('metric-'))).toBe(false);
  });

  it('refuses a broken layout with the file and the JSON path', () => {
    const unknownKind = withOverview((l) => { l.panels[1]!['kind'] = 'weather'; });
    expect(() => loadLayouts(unknownKind)).toThrow(/overview\.json: \/panels\/1\/kind/);
    const outside = withOverview((l) => { l.panels[1]!['area'] = { col: 15, row: 2, cols: 4, rows: 5 }; });
    expect(() => loadLayouts(outside)).toThrow(/\/panels\/1\/area: panel "appeals-today" leaves the 16×16 grid/);
    const overlap = withOverview((l) => { l.panels[2]!['area'] = { col: 2, row: 3, cols: 2, rows: 2 }; });
    expect(() => loadLayouts(overlap)).toThrow(/\/panels\/2\/area: panel "appeals-categories" overlaps panel 1/);
    const badLayer = withOverview((l) => { l.panels.find((p) => p['kind'] === 'map')!['options'] = { layers: ['traffic'] }; });
    expect(() => loadLayouts(badLayer)).toThrow(/\/panels\/\d+\/options\/layers\/0/);
  });

  it('serves the list and each layout, and names the known ones for an unknown id', async () => {
    const t = await startApp({ listen: false });
    const list = await t.app.inject({ url: '/api/layouts' });
    expect(list.json()).toMatchObject({ default: 'overview', layouts: [{ id: 'departments' }, { id: 'laptop' }, { id: 'overview' }, { id: 'year' }] });
    const overview = (await t.app.inject({ url: '/api/layouts/overview' })).json() as Layout;
    expect(overview.grid).toEqual({ cols: 16, rows: 16 });
    const missing = await t.app.inject({ url: '/api/layouts/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ field: 'params/id', message: expect.stringMatching(/known: departments, laptop, overview, year/) });
    const reference = (await t.app.inject({ url: '/api/reference' })).json() as { geo: { layers: string[] } };
    expect(reference.geo.layers).toEqual(['republic', 'municipalities', 'neighbours', 'settlements']);
    await t.close();
  });
});
