// The console's panels for the room: screens and their pairing, and (admins) the users.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PendingPairing, ScreenInfo } from '../../../server/protocol/walls';
import type { Lang } from '../i18n/lang';
import { api } from './api';
import { Card } from './wall-panels';
import { hm, nameIn, useT, type WallView } from './shared';

export function ScreensPanel({ lang, walls, screens, pending, refresh, setError }: { lang: Lang; walls: WallView[]; screens: ScreenInfo[];
  pending: PendingPairing[]; refresh: () => Promise<void>; setError: (e: string | null) => void }) {
  const t = useT(lang);
  const [code, setCode] = useState('');
  const [wall, setWall] = useState(walls[0]?.wall.id ?? '');
  const [position, setPosition] = useState(walls[0]?.wall.screens[0]?.id ?? '');
  const [name, setName] = useState('');
  const w = walls.find((x) => x.wall.id === wall) ?? walls[0];
  const approve = async (e: FormEvent) => {
    e.preventDefault();
    try { await api('POST', '/api/pairing/approve', { code, wall: w?.wall.id, screen: position || w?.wall.screens[0]?.id, name: name || undefined }); setCode(''); setName(''); setError(null); }
    catch (err) { setError((err as Error).message); }
    void refresh();
  };
  const revoke = async (id: string) => { try { await api('DELETE', `/api/screens/${id}`); } catch (err) { setError((err as Error).message); } void refresh(); };
  const local = walls.flatMap((v) => v.online.filter((o) => o.via !== 'screen'));
  return (
    <Card title={t('screens')}>
      <form className="c-pair" onSubmit={approve}>
        <b>{t('pair')}</b>
        <input placeholder={t('code')} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} data-pair-code required />
        <select value={w?.wall.id ?? ''} onChange={(e) => setWall(e.target.value)} aria-label={t('walls')}>
          {walls.map((x) => <option key={x.wall.id} value={x.wall.id}>{nameIn(lang, x.wall)}</option>)}
        </select>
        <select value={position} onChange={(e) => setPosition(e.target.value)} aria-label={t('position')} data-pair-position>
          {w?.wall.screens.map((s) => <option key={s.id} value={s.id}>{s.id} · {nameIn(lang, s)}</option>)}
        </select>
        <input placeholder={t('screenName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="c-primary" data-action="approve">{t('approve')}</button>
      </form>
      {pending.length > 0 && <>
        <div className="c-sub">{t('waiting')}</div>
        <ul className="c-list">{pending.map((p) => (
          <li key={p.code}><button className="c-link" onClick={() => setCode(p.code)}><b>{p.code}</b></button> <span className="c-muted">{p.address} · {hm(p.createdAt)} · {p.userAgent.slice(0, 60)}</span></li>
        ))}</ul>
      </>}
      <table className="c-screens"><tbody>
        {screens.map((s) => (
          <tr key={s.id} data-screen-id={s.id} className={s.revokedAt ? 'revoked' : ''}>
            <td>{s.online ? '●' : '○'}</td><td>{s.name}</td><td>{s.wall}/{s.screen}</td>
            <td className="c-muted">{s.revokedAt ? t('revoked') : s.online ? t('online') : s.lastSeenAt ? hm(s.lastSeenAt) : t('offline')}</td>
            <td>{!s.revokedAt && <button data-action="revoke" onClick={() => revoke(s.id)}>{t('revoke')}</button>}</td>
          </tr>
        ))}
        {local.map((o, i) => (
          <tr key={`l${i}`}><td>●</td><td>{o.name}</td><td>{o.wall}/{o.screen ?? '*'}</td><td className="c-muted">{o.via === 'loopback' ? t('local') : o.via}</td><td /></tr>
        ))}
      </tbody></table>
    </Card>
  );
}

export function UsersPanel({ lang, setError }: { lang: Lang; setError: (e: string | null) => void }) {
  const t = useT(lang);
  const [users, setUsers] = useState<{ name: string; role: string; disabledAt: number | null }[]>([]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'operator' | 'admin'>('operator');
  const load = useCallback(() => api<typeof users>('GET', '/api/admin/users').then(setUsers).catch((e: Error) => setError(e.message)), [setError]);
  useEffect(() => { void load(); }, [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try { await api('POST', '/api/admin/users', { name, password, role }); setName(''); setPassword(''); setError(null); } catch (err) { setError((err as Error).message); }
    void load();
  };
  return (
    <Card title={t('users')}>
      <ul className="c-list">{users.map((u) => <li key={u.name} className={u.disabledAt ? 'c-muted' : ''}>{u.name} · {u.role}</li>)}</ul>
      <form className="c-row" onSubmit={add}>
        <input placeholder={t('name')} value={name} onChange={(e) => setName(e.target.value)} required />
        <input placeholder={t('password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={10} required />
        <select value={role} onChange={(e) => setRole(e.target.value as 'operator' | 'admin')}><option>operator</option><option>admin</option></select>
        <button type="submit">{t('addUser')}</button>
      </form>
    </Card>
  );
}
