// A team's current call on its card: when it came and where, when the team set off, and its arrival (or the expected
// one, with the distance it rests on) against the arrival standard.
import type { VehicleCard } from '../../../server/desk/cards';
import type { Lang } from '../i18n/lang';
import type { DeskFormat } from './format';
import { deskText } from './strings';

export function TeamCall({ call, lang, f }: { call: VehicleCard['call']; lang: Lang; f: DeskFormat }) {
  const t = (k: Parameters<typeof deskText>[1], v?: Record<string, string | number>) => deskText(lang, k, v);
  if (!call) return <p className="d-muted" data-call="none">{t('call')}: {t('noCall')}</p>;
  const place = call.address ?? (call.lon !== null && call.lat !== null ? `${call.lat.toFixed(4)}, ${call.lon.toFixed(4)}` : '—');
  const verdict = call.late ? t('late') : t('inTime');
  return (
    <dl className="d-call" data-call={call.id} data-late={String(call.late)}>
      <div><dt>{t('call')}</dt><dd>{call.id} · {place}</dd></div>
      <div><dt>{t('callReceived')}</dt><dd>{f.when(call.receivedAt)}</dd></div>
      <div><dt>{t('taken')}</dt><dd>{f.when(call.assignedAt)}</dd></div>
      {call.arrivedAt !== null
        ? <div><dt>{t('arrived')}</dt><dd data-arrival="arrived">{f.when(call.arrivedAt)} · {t('minutesAfterCall', { n: call.minutesToArrive ?? '—' })} · <span className={call.late ? 'd-flag' : ''}>{verdict}</span></dd></div>
        : <div><dt>{t('expected')}</dt><dd data-arrival="expected">{f.when(call.expectedAt)}{call.kmLeft !== null ? ` · ${t('kmLeft', { km: f.n(call.kmLeft), kmh: call.expectedKmh })}` : ''} · <span className={call.late ? 'd-flag' : ''}>{verdict}</span></dd></div>}
      <div><dt /><dd className="d-muted">{t('arrivalTarget', { n: call.targetMinutes })}</dd></div>
    </dl>
  );
}
