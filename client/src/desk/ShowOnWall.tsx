// "Show on the wall": the card's item becomes the focus of a wall the officer picks (default: the first), through
// the same route the console uses (POST /api/walls/<wall>/focus, checked and logged by the server); "whole republic"
// ends it.
import { useEffect, useState } from 'react';
import { api } from '../console/api';
import type { Lang } from '../i18n/lang';
import { DESK_STRINGS } from './strings';

interface WallEntry { wall: { id: string; name_ru: string; name_en: string } }

export function ShowOnWall({ kind, id, lang }: { kind: string; id: string; lang: Lang }) {
  const t = DESK_STRINGS[lang];
  const [walls, setWalls] = useState<WallEntry[]>([]);
  const [wall, setWall] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    api<WallEntry[]>('GET', '/api/walls').then((w) => { setWalls(w); setWall((x) => x || (w[0]?.wall.id ?? '')); }).catch(() => setWalls([]));
  }, []);
  const focus = (body: Record<string, string>) => api('POST', `/api/walls/${encodeURIComponent(wall)}/focus`, body)
    .then(() => setDone(body['id'] ? t.shownOnWall : null)).catch((e: Error) => setDone(e.message));
  if (!walls.length) return null;
  return (
    <div className="d-wall">
      <label>{t.wall} <select value={wall} onChange={(e) => setWall(e.target.value)}>
        {walls.map((w) => <option key={w.wall.id} value={w.wall.id}>{lang === 'ru' ? w.wall.name_ru : w.wall.name_en}</option>)}
      </select></label>
      <button data-action="show-on-wall" onClick={() => { void focus({ kind, id }); }}>{t.showOnWall}</button>
      <button data-action="whole-republic" className="d-link" onClick={() => { void focus({}); }}>{t.backToRepublic}</button>
      {done && <span className="d-muted" data-wall-result>{done}</span>}
    </div>
  );
}
