// The shift handover on the desk: what changed overnight (yesterday 20:00 to today 08:00, or the night so far), from
// GET /api/changes?window=overnight, refreshed every minute, with the night's replay on the wall page (×600).
import { useEffect, useState } from 'react';
import type { Changes } from '../../../server/history/changes';
import { api } from '../console/api';
import type { Lang } from '../i18n/lang';
import { useDeskFormat } from './format';
import { deskText } from './strings';

const REFRESH_MS = 60_000;

export function Handover({ lang }: { lang: Lang }) {
  const f = useDeskFormat(lang);
  const [c, setC] = useState<Changes | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () => api<Changes>('GET', '/api/changes?window=overnight').then((x) => { if (!stop) setC(x); }).catch(() => undefined);
    void load();
    const timer = setInterval(() => { void load(); }, REFRESH_MS);
    return () => { stop = true; clearInterval(timer); };
  }, []);
  if (!c) return null;
  const t = (k: Parameters<typeof deskText>[1], v?: Record<string, string | number>) => deskText(lang, k, v);
  const replay = `/?lang=${lang}&from=${new Date(c.from).toISOString()}&to=${new Date(c.to).toISOString()}&speed=600`;
  return (
    <section className="d-handover" data-handover={`${c.from}-${c.to}`}>
      <h3>{t('handover')} · {f.when(c.from)} – {f.when(c.to)}</h3>
      <ul className="d-plain">
        <li data-ho="incidents"><b>{f.n(c.incidents.reported)}</b> {t('hoReported')} · <b>{f.n(c.incidents.resolved)}</b> {t('hoResolved')}</li>
        <li data-ho="appeals"><b>{f.n(c.appeals.received)}</b> {t('hoReceived')} · <b>{f.n(c.appeals.answered)}</b> {t('hoAnswered')}</li>
        <li data-ho="overdue" className={c.appeals.overdueChange > 0 ? 'd-flag' : undefined}>{t('hoOverdue', { a: f.n(c.appeals.overdueAtFrom), b: f.n(c.appeals.overdueAtTo) })}</li>
        <li data-ho="alarms"><b>{f.n(c.alarms.count)}</b> {t('hoAlarms')} · <b>{f.n(c.sites.wentOverflowing)}</b> {t('hoOverflowing')}</li>
      </ul>
      <a className="d-link" href={replay} target="_blank" rel="noreferrer" data-action="replay-night">{t('replayNight')}</a>
    </section>
  );
}
