// A placeholder page until the wall lands: follows the kpi topic over the live protocol and shows the headline figures.
import { io } from 'socket.io-client';
import { EVENTS, isDelta, type SubscribeReply } from '../../server/protocol/live';
import type { Summary } from '../../server/protocol/summary';

const figures = document.getElementById('figures')!;
const state = document.getElementById('state')!;
let summary: Summary | null = null;
let seq = 0;
const fmt = new Intl.NumberFormat('ru-RU');

function render(): void {
  if (!summary) return;
  const s = summary;
  const rows: [string, string][] = [
    ['Обращения сегодня / appeals today', `${fmt.format(s.appeals.total.today)} (вчера ${fmt.format(s.appeals.total.yesterdaySameTime)})`],
    ['В срок / on time (30 d)', s.deadlines.onTimeShare === null ? '—' : `${Math.round(s.deadlines.onTimeShare * 100)} %`],
    ['Просрочено / overdue open', fmt.format(s.deadlines.openOverdue)],
    ['Бригады СМП на линии / teams on duty', `${s.fleet.onDuty} (год назад ${s.fleet.onDutyLastYear ?? '—'})`],
    ['Контейнерные площадки / container sites', fmt.format(s.containers.sites)],
    ['Переполнены / overflowing', fmt.format(s.containers.overflowing)],
    ['Происшествия / active incidents', fmt.format(s.incidents.active)],
    ['Горячая линия / hotline calls', fmt.format(s.hotline.calls.today)],
  ];
  figures.replaceChildren(...rows.map(([k, v]) => {
    const div = document.createElement('div');
    div.innerHTML = '<dt></dt><dd></dd>';
    div.querySelector('dt')!.textContent = k;
    div.querySelector('dd')!.textContent = v;
    return div;
  }));
  state.textContent = `· данные на ${new Date(s.time).toLocaleTimeString('ru-RU')}`;
}

const socket = io({ transports: ['websocket'] });
const subscribe = () => socket.emit(EVENTS.subscribe, { topics: [{ topic: 'kpi', since: summary ? seq : undefined }] },
  (reply: SubscribeReply) => {
    if (!reply.ok) { state.textContent = reply.error; return; }
    for (const r of reply.results) {
      if (r.topic !== 'kpi') continue;
      if (r.mode === 'snapshot') summary = r.snapshot as Summary;
      else for (const d of r.deltas) summary = { ...summary!, ...(d.payload as { sections: Partial<Summary> }).sections };
      seq = r.seq;
    }
    render();
  });
socket.on('connect', subscribe);
socket.on('disconnect', () => { state.textContent = '· нет связи / disconnected'; });
socket.on(EVENTS.delta, (d: unknown) => {
  if (!isDelta(d) || d.topic !== 'kpi' || !summary) return;
  if (d.seq !== seq + 1) { subscribe(); return; }
  summary = { ...summary, ...(d.payload as { sections: Partial<Summary> }).sections };
  seq = d.seq;
  render();
});
