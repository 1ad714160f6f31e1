// What each kind of card says, fact by fact: a label, a value, and for a count the list it opens (the list counts the
// same items: the server's cards and lists share their definitions). Labels in the desk's language.
import type { AnyCard, AppealCard, IncidentCard, MunicipalityCard, SiteCard, VehicleCard } from '../../../server/desk/cards';
import type { Lang } from '../i18n/lang';
import { STRINGS } from '../i18n/strings';
import type { DeskFormat } from './format';
import { DESK_STRINGS, deskText, type DeskKey } from './strings';
import type { ListScope } from './url-state';

export interface Fact { key: string; label: string; value: string; opens?: ListScope; warn?: boolean }
export interface FactContext {
  lang: Lang; f: DeskFormat;
  name: (x: { name_ru: string; name_en: string } | null | undefined) => string;
  /** a reference item's name in the desk's language (its id when unknown) */
  ref: (kind: 'channel' | 'category' | 'operator' | 'incidentType', id: string) => string;
}

const said = (lang: Lang, prefix: 'v.' | 'i.' | 'src.', id: string | null | undefined): string => {
  if (!id) return '—';
  const key = `${prefix}${id}` as DeskKey;
  return key in DESK_STRINGS.ru ? deskText(lang, key) : id;
};

function municipality(c: MunicipalityCard, x: FactContext): Fact[] {
  const t = (k: DeskKey, v?: Record<string, string | number>) => deskText(x.lang, k, v);
  const m = { municipality: c.id };
  return [
    { key: 'appeals', label: t('appeals'), value: x.f.n(c.appeals.today?.today ?? 0), opens: { list: 'appeals', filters: m } },
    { key: 'overdue', label: t('overdue'), value: x.f.n(c.deadlines.openOverdue), opens: { list: 'overdue', filters: m }, warn: c.deadlines.openOverdue > 0 },
    { key: 'oldest', label: t('oldestDue'), value: x.f.when(c.deadlines.oldestOverdueDueAt) },
    { key: 'on-time', label: t('onTime'), value: typeof c.deadlines.onTimeShare === 'number' ? `${Math.round(c.deadlines.onTimeShare * 100)} %` : '—' },
    { key: 'response', label: t('response'), value: typeof c.deadlines.medianDeadlineUsed === 'number' ? `${Math.round(c.deadlines.medianDeadlineUsed * 100)} %` : '—',
      warn: typeof c.deadlines.medianDeadlineUsed === 'number' && c.deadlines.medianDeadlineUsed > 1 },
    { key: 'overflowing', label: t('overflowing'), value: x.f.n(c.containers.byStatus['overflowing'] ?? 0), opens: { list: 'overflowing', filters: m } },
    { key: 'sites', label: t('sites'), value: x.f.n(c.containers.sites), opens: { list: 'sites', filters: m } },
    { key: 'incidents', label: t('incidents'), value: x.f.n(c.incidents.length), opens: { list: 'incidents', filters: m } },
    { key: 'teams', label: t('teamsHere'), value: x.f.n(c.fleet.teams.length), opens: { list: 'teams', filters: m } },
    { key: 'calls', label: t('callsToday'), value: x.f.n(c.fleet.callsToday) },
  ];
}

function incident(c: IncidentCard, x: FactContext): Fact[] {
  const t = (k: DeskKey, v?: Record<string, string | number>) => deskText(x.lang, k, v);
  const near = { at: c.near.near, km: c.near.km };
  return [
    { key: 'type', label: t('type'), value: x.ref('incidentType', c.type) },
    { key: 'severity', label: t('severity'), value: STRINGS[x.lang][`severity.${c.severity}`] },
    { key: 'status', label: t('status'), value: said(x.lang, 'i.', c.status) },
    { key: 'reported', label: t('reported'), value: x.f.when(c.reportedAt) },
    { key: 'source', label: t('source'), value: c.source },
    { key: 'description', label: t('description'), value: c.description ?? '—' },
    { key: 'near-teams', label: t('nearTeams', { km: c.near.km }), value: x.f.n(c.near.teams.length), opens: { list: 'teams', near } },
    { key: 'near-sites', label: t('nearSites', { km: c.near.km }), value: x.f.n(c.near.sites), opens: { list: 'sites', near } },
  ];
}

function vehicle(c: VehicleCard, x: FactContext): Fact[] {
  const t = (k: DeskKey, v?: Record<string, string | number>) => deskText(x.lang, k, v);
  return [
    { key: 'callsign', label: t('callsign'), value: c.callsign },
    { key: 'status', label: t('status'), value: `${said(x.lang, 'v.', c.status)} · ${t('since')} ${x.f.when(c.statusSince)}` },
    { key: 'substation', label: t('substation'), value: x.name(c.substation) },
    { key: 'fix', label: t('lastFix'), value: c.fixAgeSeconds === null ? '—' : t('secondsAgo', { n: x.f.n(c.fixAgeSeconds) }) },
    { key: 'source', label: t('source'), value: c.source ? `${said(x.lang, 'src.', c.source.kind)} (${c.source.name})` : '—' },
    { key: 'track', label: t('track'), value: t('fixes', { n: c.track.length }) },
  ];
}

function site(c: SiteCard, x: FactContext): Fact[] {
  const t = (k: DeskKey, v?: Record<string, string | number>) => deskText(x.lang, k, v);
  const s = c.sanitary;
  return [
    { key: 'operator', label: t('operatorLabel'), value: x.ref('operator', c.operator) },
    { key: 'fill', label: t('fill'), value: `${x.f.n(c.fill)} %` },
    { key: 'status', label: t('status'), value: c.status },
    { key: 'serviced', label: t('serviced'), value: x.f.when(c.servicedAt) },
    { key: 'sanitary', label: t('sanitary'), value: `${t('hoursDays', { h: x.f.n(s.hoursSinceService), d: s.limitDays })}${s.pastLimit ? ` · ${t('pastLimit')}` : ''}`, warn: s.pastLimit },
    { key: 'week', label: t('week'), value: t('events', { n: c.week.length }) },
  ];
}

function appeal(c: AppealCard, x: FactContext): Fact[] {
  const t = (k: DeskKey) => deskText(x.lang, k);
  const p = c.personal;
  return [
    { key: 'channel', label: t('channel'), value: x.ref('channel', c.channel) },
    { key: 'category', label: t('category'), value: x.ref('category', c.category) },
    { key: 'status', label: t('status'), value: c.status },
    { key: 'received', label: t('received'), value: x.f.when(c.receivedAt) },
    { key: 'due', label: t('due'), value: x.f.when(c.dueAt), warn: c.overdue },
    { key: 'history', label: t('history'), value: c.history.map((h) => `${h.status} ${x.f.when(h.at)}`).join(' · ') },
    ...(p ? [{ key: 'personal', label: t('personal'), value: `${p.author ?? '—'} · ${p.contact ?? '—'} · ${p.text ?? ''}` }] : []),
  ];
}

export function factsOf(card: AnyCard, x: FactContext): Fact[] {
  switch (card.kind) {
    case 'municipality': return municipality(card, x);
    case 'incident': return incident(card, x);
    case 'vehicle': return vehicle(card, x);
    case 'site': return site(card, x);
    default: return appeal(card, x);
  }
}
