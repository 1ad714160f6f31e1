// The desk's time control: the wall the officer picks put into the past for all its screens and back, through the
// same route the console uses (POST /api/walls/<wall>/replay, checked and logged by the server).
import { useCallback, useEffect, useState } from 'react';
import type { WallState } from '../../../server/protocol/walls';
import { api } from '../console/api';
import type { Lang } from '../i18n/lang';
import { TimeControl, type ReplayBody } from '../replay/control/TimeControl';
import { timeText } from '../replay/control/strings';

interface WallEntry { wall: { id: string; name_ru: string; name_en: string }; state: WallState }
/** the wall's state is read again this often, so a replay started elsewhere or ended by itself shows here */
const REFRESH_MS = 5000;

export function WallTime({ lang }: { lang: Lang }) {
  const [walls, setWalls] = useState<WallEntry[]>([]);
  const [wall, setWall] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api<WallEntry[]>('GET', '/api/walls').then((w) => { setWalls(w); setWall((x) => x || (w[0]?.wall.id ?? '')); })
    .catch(() => undefined), []);
  useEffect(() => { void load(); const t = setInterval(() => { void load(); }, REFRESH_MS); return () => clearInterval(t); }, [load]);
  const entry = walls.find((w) => w.wall.id === wall);
  if (!entry) return null;
  const act = (body: ReplayBody) => api('POST', `/api/walls/${encodeURIComponent(wall)}/replay`, body)
    .then(() => { setError(null); void load(); }).catch((e: Error) => setError(e.message));
  return (
    <section className="d-wall-time" data-wall-time={wall}>
      <h3>{timeText(lang, 'title')} · <select value={wall} onChange={(e) => setWall(e.target.value)}>
        {walls.map((w) => <option key={w.wall.id} value={w.wall.id}>{lang === 'ru' ? w.wall.name_ru : w.wall.name_en}</option>)}
      </select></h3>
      <TimeControl lang={lang} replay={entry.state.replay} act={act} />
      {error && <p className="d-flag" role="alert">{error}</p>}
    </section>
  );
}
