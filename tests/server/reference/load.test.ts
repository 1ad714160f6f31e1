import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReference } from '../../../server/reference/load';
import { loadConfig, ConfigError } from '../../../server/config/config';
import { dataDir, editedDataCopy } from '../../helpers/data-copy';

const sharedGeo = path.resolve(__dirname, '../../../../shared/geo');
let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

function brokenCopy(file: string, edit: (json: Record<string, unknown>) => void): string {
  const copy = editedDataCopy(file, edit);
  cleanup = copy.remove;
  return copy.dir;
}

describe('reference data', () => {
  it('loads the shipped data: 63 municipalities, every one served by one operator, approximate areas', () => {
    const ref = loadReference(dataDir, null, {});
    expect(ref.municipalities).toHaveLength(63);
    expect(ref.operators).toHaveLength(4);
    expect(ref.operatorByMunicipality.size).toBe(63);
    expect(ref.geo.approximate).toBe(true);
    expect(ref.geo.municipalityAt(55.96, 54.74)).toBe('ufa');
    expect(ref.geo.insideRepublic(37.6, 55.75)).toBe(false);
    for (const m of ref.municipalities) expect(ref.geo.insideRepublic(m.centre.lon, m.centre.lat), m.id).toBe(true);
  });

  it('names the file and field of a broken entry', () => {
    const dir = brokenCopy('channels.json', (j) => { (j.channels as { deadlineHours: unknown }[])[1]!.deadlineHours = 'soon'; });
    expect(() => loadReference(dir, null, {})).toThrow(/channels\.json: \/channels\/1\/deadlineHours/);
    const dir2 = brokenCopy('operators.json', (j) => { (j.operators as { municipalities: string[] }[])[0]!.municipalities.push('sibay'); });
    expect(() => loadReference(dir2, null, {})).toThrow(/operators\.json: \/operators\/3\/municipalities\/0: "sibay" is served by two operators/);
  });

  it('applies deadline overrides and refuses unknown channels in them', () => {
    expect(loadReference(dataDir, null, { social: 4 }).channelById.get('social')!.deadlineHours).toBe(4);
    expect(() => loadReference(dataDir, null, { telegraph: 4 })).toThrow(/SITROOM_DEADLINES: telegraph/);
  });

  it.runIf(existsSync(sharedGeo))('uses real boundaries from SITROOM_GEO_DIR', () => {
    const ref = loadReference(dataDir, sharedGeo, {});
    expect(ref.geo.approximate).toBe(false);
    expect(ref.geo.layers.roads?.features.length).toBeGreaterThan(0);
    expect(ref.geo.municipalityAt(55.96, 54.74)).toBe('ufa');
    expect(ref.geo.attribution).toContain('OpenStreetMap');
  });
});

describe('configuration', () => {
  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT:/);
    expect(() => loadConfig({ SITROOM_SIM: 'maybe' })).toThrow(/^SITROOM_SIM:/);
    expect(() => loadConfig({ SITROOM_SIM_SPEED: '0' })).toThrow(/^SITROOM_SIM_SPEED:/);
    expect(() => loadConfig({ SITROOM_TZ: 'Mars/Olympus' })).toThrow(/^SITROOM_TZ:/);
    expect(() => loadConfig({ SITROOM_DEADLINES: 'social=soon' })).toThrow(/^SITROOM_DEADLINES:/);
    expect(loadConfig({}).port).toBe(8080);
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });
});
