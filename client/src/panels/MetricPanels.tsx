// A departmental system's indicator (pushed to /api/ingest/metrics) as a stat or a gauge: its name, value and unit,
// when it was measured, how it compares with 24 hours earlier, and its thresholds. The layout names it by key.
import { useMemo } from 'react';
import type { DepartmentalMetric } from '../../../server/protocol/summary';
import { serverNow, useWall } from '../store/wall-store';
import { Change } from '../ui/Change';
import { Gauge } from '../ui/Gauge';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;
const DEFAULT_MAX_AGE_MIN = 60;

type Tone = 'ok' | 'warn' | 'crit' | 'muted';

/** ok, warn or crit by the producer's thresholds and direction */
export function toneOf(m: DepartmentalMetric): Tone {
  if (m.value === null) return 'muted';
  const bad = (limit: number | null) => limit !== null && (m.direction === 'below' ? m.value! < limit : m.value! > limit);
  return bad(m.critical) ? 'crit' : bad(m.warn) ? 'warn' : 'ok';
}

function useMetric(options: PanelProps['options']) {
  const fmt = useFmt();
  const m = useWall((s) => s.summary?.departmental?.find((d) => d.key === options.metric) ?? null);
  const ageMin = useWall((s) => (m?.at != null ? (serverNow(s) - m.at) / 60_000 : null));
  const title = (fmt.lang === 'ru' ? options.title_ru ?? m?.title_ru : options.title_en ?? m?.title_en) ?? options.metric ?? '';
  const old = ageMin === null || ageMin > (options.maxAgeMinutes ?? DEFAULT_MAX_AGE_MIN);
  const number = useMemo(() => new Intl.NumberFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 }), [fmt.lang]);
  const value = (v: number | null) => (v === null ? '—' : `${number.format(v)}${m?.unit ? (m.unit === '%' ? '%' : ` ${m.unit}`) : ''}`);
  return { fmt, m, title, old, value };
}

function Details({ m, old, value }: { m: DepartmentalMetric; old: boolean; value: (v: number | null) => string }) {
  const fmt = useFmt();
  return <>
    <div className="muted small">
      {m.at !== null && <>{fmt.t('metricMeasured')} {fmt.hm(m.at)}{old ? <span className="tone-warn-text"> · {fmt.t('metricOld')}</span> : null}</>}
    </div>
    <div className="small">
      <Change now={m.value ?? 0} before={m.value === null ? null : m.dayAgo?.value ?? null} riseIsBad={m.direction !== 'below'} fmt={fmt} label={fmt.t('metricDayAgo')} />
    </div>
    {(m.warn !== null || m.critical !== null) && (
      <div className="muted small">
        {m.warn !== null && <>{fmt.t('metricWarn')} {m.direction === 'below' ? '<' : '>'} {value(m.warn)}</>}
        {m.warn !== null && m.critical !== null && ' · '}
        {m.critical !== null && <>{fmt.t('metricCritical')} {m.direction === 'below' ? '<' : '>'} {value(m.critical)}</>}
      </div>
    )}
  </>;
}

export function MetricStat({ options }: PanelProps) {
  const { fmt, m, title, old, value } = useMetric(options);
  return (
    <PanelFrame kind="metric-stat" streams={STREAMS} title={title} staleAlso={old} figures={['departmental']}>
      <div data-metric={options.metric} data-value={m?.value ?? ''}>
        {m && m.value !== null ? <>
          <Num className={`big tone-${toneOf(m)}-text`} text={value(m.value)} />
          <Details m={m} old={old} value={value} />
        </> : <div className="muted">{fmt.t('metricNoValue')}</div>}
      </div>
    </PanelFrame>
  );
}

export function MetricGauge({ options }: PanelProps) {
  const { fmt, m, title, old, value } = useMetric(options);
  let share: number | null = null;
  if (m && m.value !== null) {
    const min = options.min ?? 0;
    const max = options.max ?? (m.unit === '%' ? 100 : Math.max(m.value, m.warn ?? 0, m.critical ?? 0) * 1.25 || 1);
    share = (m.value - min) / (max - min);
  }
  return (
    <PanelFrame kind="metric-gauge" streams={STREAMS} title={title} staleAlso={old} figures={['departmental']}>
      <div data-metric={options.metric} data-value={m?.value ?? ''}>
        {m && m.value !== null ? <>
          <Gauge share={share} good={0} warn={0} tone={toneOf(m)} label={value(m.value)} />
          <Details m={m} old={old} value={value} />
        </> : <div className="muted">{fmt.t('metricNoValue')}</div>}
      </div>
    </PanelFrame>
  );
}
