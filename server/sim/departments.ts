// The departmental indicators the simulator reports, as a departmental system would through /api/ingest/metrics:
// the air temperature (a weather service: it also sets the sanitary limit for container sites), snow-clearing machines
// on the roads (only in the snow season, more on cold days and by day) and the share of buildings connected to heating
// (a small dip while the simulated day has a breakdown). They show how any indicator reaches a layout panel.
import type { MetricIn } from '../ingest/schemas';
import { DAY, HOUR } from '../domain/time';
import { METRICS } from '../domain/metric-names';
import { rng } from './random';

export const SNOW_PLOWS = 'roads.snow_plows_on_line';
export const HEATING_SHARE = 'utilities.heating_connected_share';

export const DEPARTMENT_STEP = 10 * 60_000;

/** Ufa's climate, roughly: a daily mean from about −14 °C in mid-January to +20 °C in mid-July, a day's own weather
 *  (±3 °C), and the hour of the day (coldest before dawn, warmest mid-afternoon). */
export function airTemperature(seed: number, t: number, localHour: number): number {
  const dayOfYear = ((t / DAY) % 365.25 + 365.25) % 365.25;
  const season = 3 - 17 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25);
  const weather = 3 * rng(seed, 'weather', Math.floor(t / DAY)).normal();
  const diurnal = 4 * Math.cos((2 * Math.PI * (localHour - 15)) / 24);
  return Math.round((season + weather + diurnal) * 10) / 10;
}

/** The samples of the 10-minute slot that holds t. */
export function departmentSamples(seed: number, t: number, localHour: number): MetricIn[] {
  const slot = Math.floor(t / DEPARTMENT_STEP);
  const random = rng(seed, 'departments', slot);
  const r = () => random.next();
  const at = slot * DEPARTMENT_STEP;
  const temperature = airTemperature(seed, at, localHour);
  const dayMean = airTemperature(seed, at, 15) - 4;
  // a breakdown somewhere on roughly one day in three, for a few hours
  const day = Math.floor(t / (24 * HOUR));
  const breakdown = rng(seed, 'heating', day).next() < 0.33 && localHour >= 9 && localHour < 14;
  const heating = Math.round((99.7 - (breakdown ? 1.9 : 0) - r() * 0.2) * 100) / 100;
  const out: MetricIn[] = [
    { key: METRICS.airTemperature, at, value: temperature, unit: '°C', id: `sim:temp:${slot}`, title_ru: 'Температура воздуха, Уфа',
      title_en: 'Air temperature, Ufa' },
    { key: HEATING_SHARE, at, value: heating, unit: '%', id: `sim:heat:${slot}`, title_ru: 'Дома с отоплением',
      title_en: 'Buildings with heating', thresholds: { warn: 99, critical: 97, direction: 'below' } },
  ];
  // snow clearing is reported in its season only: the fleet goes out when days are freezing, more on colder ones
  if (dayMean < 2) {
    const daylight = localHour >= 6 && localHour < 22 ? 1 : 0.45;
    const cold = Math.min(1, 0.6 + (2 - dayMean) / 25);
    out.push({ key: SNOW_PLOWS, at, value: Math.round(520 * cold * daylight + 60 * (r() - 0.5)), id: `sim:plows:${slot}`,
      title_ru: 'Снегоуборочная техника на линии', title_en: 'Snow-clearing machines on the roads',
      thresholds: { warn: 300 * daylight, critical: 150 * daylight, direction: 'below' } });
  }
  return out;
}
