// Two departmental indicators the simulator reports, as a departmental system would through /api/ingest/metrics:
// snow-clearing machines on the roads (more by day, more on cold days) and the share of buildings connected to
// heating (a small dip while the simulated day has a breakdown). They show how any indicator reaches a layout panel.
import type { MetricIn } from '../ingest/schemas';
import { HOUR } from '../domain/time';
import { rng } from './random';

export const SNOW_PLOWS = 'roads.snow_plows_on_line';
export const HEATING_SHARE = 'utilities.heating_connected_share';

export const DEPARTMENT_STEP = 10 * 60_000;

/** The samples of the 10-minute slot that holds t. */
export function departmentSamples(seed: number, t: number, localHour: number): MetricIn[] {
  const slot = Math.floor(t / DEPARTMENT_STEP);
  const random = rng(seed, 'departments', slot);
  const r = () => random.next();
  const daylight = localHour >= 6 && localHour < 22 ? 1 : 0.45;
  const plows = Math.round(520 * daylight + 60 * (r() - 0.5));
  // a breakdown somewhere on roughly one day in three, for a few hours
  const day = Math.floor(t / (24 * HOUR));
  const breakdown = rng(seed, 'heating', day).next() < 0.33 && localHour >= 9 && localHour < 14;
  const heating = Math.round((99.7 - (breakdown ? 1.9 : 0) - r() * 0.2) * 100) / 100;
  const at = slot * DEPARTMENT_STEP;
  return [
    { key: SNOW_PLOWS, at, value: plows, id: `sim:plows:${slot}`, title_ru: 'Снегоуборочная техника на линии',
      title_en: 'Snow-clearing machines on the roads', thresholds: { warn: 300, critical: 150, direction: 'below' } },
    { key: HEATING_SHARE, at, value: heating, unit: '%', id: `sim:heat:${slot}`, title_ru: 'Дома с отоплением',
      title_en: 'Buildings with heating', thresholds: { warn: 99, critical: 97, direction: 'below' } },
  ];
}
