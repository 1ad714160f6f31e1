// The walls' state, owned by the server: scene, rotation, focus, mode, language, layers, banner and alarm, one per
// wall, kept in SQLite so a restart resumes the same scene. Every change gets a new version and a switch moment a
// little ahead (the wall's switchLeadMs), so every screen can prepare the scene and show it on the same frame. Every
// action is logged with who did it. A replay put on the wall (./replay.ts) ends by itself when idle and at once on an alarm.
import type { Layout, MapLayer } from '../protocol/layout';
import type { AlarmRule, Focus, FocusKind, Role, WallAction, WallConfig, WallLang, WallMode, WallState } from '../protocol/walls';
import type { IncidentView } from '../protocol/views';
import type { Reference } from '../reference/load';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import { appealsSpike, incidentAlarm } from './alarms';
import { WallError } from './errors';
import { focusResolver } from './focus';
import { playlistInForce, playlistOf } from './rotation';
import { nextReplay, parseReplayBody, type ReplayBody } from './replay';

export interface Actor { name: string; role: Role | 'system' }
export const SYSTEM_ROTATION: Actor = { name: 'rotation', role: 'system' };
export const SYSTEM_ALARM: Actor = { name: 'alarm', role: 'system' };
export const SYSTEM_REPLAY: Actor = { name: 'replay', role: 'system' };

export { WallError };

export interface WallManagerOptions {
  walls: Map<string, WallConfig>;
  scenes: Map<string, Layout>;
  store: Store;
  reference: Reference;
  hub: Hub;
  timezone: string;
  /** the host's real clock: rotation, switch moments and holds run on it */
  now: () => number;
  /** the data's clock (the simulator may run faster): how fresh an incident or appeal is */
  dataNow: () => number;
  /** where a failed tick is reported (the next tick runs all the same: a wall never stops rotating over one error) */
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** a follower in a cluster: it only mirrors the primary's states (mirror()) and never decides or stores */
  follower?: boolean;
}

const SPIKE_CHECK_MS = 30_000;

/** Who hears of the walls: the gateway sends states to screens, the cluster relay to followers, consoles hear of actions. */
export interface WallListener { state?(state: WallState, before: WallState): void; action?(action: WallAction): void }

export function createWallManager(o: WallManagerOptions) {
  const listeners = new Set<WallListener>();
  const onState = (s: WallState, before: WallState) => { for (const l of listeners) l.state?.(s, before); };
  const onAction = (a: WallAction) => { for (const l of listeners) l.action?.(a); };
  const states = new Map<string, WallState>();
  const alarmedIncidents = new Set<string>();
  const lastSpike = new Map<string, number>();
  /** per wall: the earliest moment the announced switch may happen (now for an operator's, nextAt for the rotation's) */
  const earliest = new Map<string, number>();
  /** how long after the last screen is ready the switch happens: time for the state to reach every screen and for
   *  their maps to finish a frame begun before it (client/src/screen/quiet.ts) */
  const READY_MARGIN_MS = 1500;
  let timer: NodeJS.Timeout | null = null;
  let lastSpikeCheck = 0;

  const config = (wall: string): WallConfig => {
    const w = o.walls.get(wall);
    if (!w) throw new WallError(404, 'params/wall', `wall: no wall "${wall}"; known: ${[...o.walls.keys()].join(', ')}`);
    return w;
  };

  function fresh(w: WallConfig, t: number): WallState {
    const which = playlistInForce(w, t, o.timezone);
    const first = playlistOf(w, which)[0]!;
    return { wall: w.id, version: 1, scene: first.scene, switchAt: t, rotation: { playing: true, playlist: which, index: 0,
      nextAt: t + first.seconds * 1000 }, focus: null, mode: 'normal', lang: 'ru', layers: {}, banner: null, alarm: null, replay: null };
  }

  // the stored state, checked against today's configuration (a scene may have left the wall's list)
  for (const w of o.walls.values()) {
    const t = o.now();
    const stored = o.store.walls.state(w.id);
    // a state stored before replay existed has no such field: it was live
    let s = stored && w.scenes.includes(stored.scene) ? { ...stored, replay: stored.replay ?? null } : fresh(w, t);
    if (s.alarm && !w.scenes.includes(s.alarm.previous.scene)) s = { ...s, alarm: null };
    // a rotation that was due while the server was down continues from now
    if (s.rotation.playing && (s.rotation.nextAt ?? 0) < t) s = { ...s, rotation: { ...s.rotation, nextAt: t + w.switchLeadMs } };
    states.set(w.id, { ...s, switchAt: Math.min(s.switchAt, t) });
  }

  const get = (wall: string): WallState => { config(wall); return states.get(wall)!; };

  function commit(wall: string, next: WallState, actor: Actor, action: string | null, detail: Record<string, unknown> = {}): WallState {
    const before = states.get(wall)!;
    const s: WallState = { ...next, version: before.version + 1 };
    states.set(wall, s);
    const t = o.now();
    o.store.walls.save(s, t);
    if (action) onAction(o.store.walls.log({ wall, at: t, actor: actor.name, role: actor.role, action, detail }));
    onState(s, before);
    return s;
  }

  /** A scene change shown by every screen at the same moment, the wall's lead time from now. */
  const switchTo = (w: WallConfig, s: WallState, scene: string): Pick<WallState, 'scene' | 'switchAt'> => {
    if (scene === s.scene) return { scene, switchAt: s.switchAt };
    earliest.set(w.id, o.now());
    return { scene, switchAt: o.now() + w.switchLeadMs };
  };

  const checkScene = (w: WallConfig, scene: string) => {
    if (!w.scenes.includes(scene)) throw new WallError(400, 'body/scene', `scene: "${scene}" is not a scene of wall "${w.id}"; its scenes: ${w.scenes.join(', ')}`);
  };

  const { resolveFocus, incidentFocus } = focusResolver(o);

  /** Ends an alarm and gives the wall back what it showed before (the operator or the hold time). */
  function handBack(wall: string, actor: Actor): WallState {
    const w = config(wall), s = get(wall);
    if (!s.alarm) return s;
    const { scene, playing } = s.alarm.previous;
    const item = playlistOf(w, s.rotation.playlist)[s.rotation.index];
    return commit(wall, { ...s, ...switchTo(w, s, scene), alarm: null, focus: null,
      rotation: { ...s.rotation, playing, nextAt: playing ? o.now() + w.switchLeadMs + (item?.seconds ?? 60) * 1000 : null } },
    actor, 'alarm.end', { scene });
  }

  /** The wall back to live without an operator: nobody touched the replay for a while, or an alarm needs the present. */
  function endReplay(wall: string, reason: 'idle' | 'alarm'): WallState {
    const s = get(wall);
    return s.replay ? commit(wall, { ...s, replay: null }, SYSTEM_REPLAY, 'replay.end', { reason }) : s;
  }

  function raise(wall: string, rule: AlarmRule, reason_ru: string, reason_en: string, focus: Focus | null): void {
    endReplay(wall, 'alarm');
    const w = config(wall), s = get(wall);
    const t = o.now();
    const previous = s.alarm?.previous ?? { scene: s.scene, playing: s.rotation.playing };
    commit(wall, { ...s, ...switchTo(w, s, rule.scene), focus: focus ?? s.focus,
      rotation: { ...s.rotation, playing: false, nextAt: null },
      alarm: { rule: rule.kind, reason_ru, reason_en, since: t, until: t + rule.holdSeconds * 1000, previous } },
    SYSTEM_ALARM, 'alarm.start', { rule: rule.kind, scene: rule.scene, reason: reason_en, ...(focus ? { focus: focus.id } : {}) });
  }

  function tick(): void {
    const t = o.now();
    for (const w of o.walls.values()) {
      let s = states.get(w.id)!;
      if (s.banner?.until != null && s.banner.until <= t) s = commit(w.id, { ...s, banner: null }, SYSTEM_ROTATION, 'banner.expired');
      if (s.alarm && s.alarm.until <= t) s = handBack(w.id, SYSTEM_ALARM);
      if (s.replay && s.replay.liveAt <= t) s = endReplay(w.id, 'idle');
      if (!s.rotation.playing || s.rotation.nextAt === null) continue;
      const which = playlistInForce(w, t, o.timezone);
      if (which !== s.rotation.playlist) {
        // a schedule window opened or closed: its playlist starts from the top
        const first = playlistOf(w, which)[0]!;
        const at = t + w.switchLeadMs;
        earliest.set(w.id, t);
        commit(w.id, { ...s, scene: first.scene, switchAt: first.scene === s.scene ? s.switchAt : at,
          rotation: { playing: true, playlist: which, index: 0, nextAt: at + first.seconds * 1000 } },
        SYSTEM_ROTATION, 'rotation.schedule', { playlist: which, scene: first.scene });
        continue;
      }
      // switch exactly at nextAt: announce it a lead time before (but not before the current scene is on screen)
      if (t >= Math.max(s.switchAt, s.rotation.nextAt - w.switchLeadMs)) {
        const list = playlistOf(w, which);
        const index = (s.rotation.index + 1) % list.length;
        const item = list[index]!;
        const at = Math.max(s.rotation.nextAt, t + 200);
        earliest.set(w.id, at);
        commit(w.id, { ...s, scene: item.scene, switchAt: item.scene === s.scene ? s.switchAt : at,
          rotation: { playing: true, playlist: which, index, nextAt: at + item.seconds * 1000 } }, SYSTEM_ROTATION, null);
      }
    }
    if (t - lastSpikeCheck >= SPIKE_CHECK_MS) { lastSpikeCheck = t; checkSpikes(); }
  }

  function checkSpikes(): void {
    const appeals = o.hub.snapshot('appeals')?.items ?? [];
    const dataNow = o.dataNow();
    for (const w of o.walls.values()) w.alarms.forEach((rule, i) => {
      if (rule.kind !== 'appeals-spike') return;
      const key = `${w.id}:${i}`;
      if (o.now() - (lastSpike.get(key) ?? -Infinity) < 2 * rule.holdSeconds * 1000) return;
      const spike = appealsSpike(rule, appeals, dataNow);
      if (!spike) return;
      lastSpike.set(key, o.now());
      raise(w.id, rule, `Всплеск обращений: ${spike.recent} за ${rule.windowMinutes} мин (обычно ${Math.round(spike.average)})`,
        `Spike of appeals: ${spike.recent} in ${rule.windowMinutes} min (usually ${Math.round(spike.average)})`, null);
    });
  }

  const stopHub = o.follower ? () => undefined : o.hub.listen({
    delta(d) {
      if (d.topic !== 'incidents') return;
      const dataNow = o.dataNow();
      for (const i of (d.payload as { upsert: IncidentView[] }).upsert) {
        if (alarmedIncidents.has(i.id)) continue;
        for (const w of o.walls.values()) {
          const rule = w.alarms.find((r): r is Extract<AlarmRule, { kind: 'incident' }> => r.kind === 'incident' && incidentAlarm(r, i, dataNow));
          if (!rule) continue;
          alarmedIncidents.add(i.id);
          const f = incidentFocus(i);
          raise(w.id, rule, `Происшествие: ${f.label_ru}`, `Incident: ${f.label_en}`, f);
        }
      }
    },
    fleetFrame() { /* positions do not raise alarms */ },
  });

  return {
    walls: () => [...o.walls.values()],
    config,
    state: get,
    scenesOf: (wall: string): Record<string, Layout> => Object.fromEntries(config(wall).scenes.map((id) => [id, o.scenes.get(id)!])),

    setScene(wall: string, scene: string, actor: Actor): WallState {
      const w = config(wall), s = get(wall);
      checkScene(w, scene);
      // the operator takes over: rotation pauses and an alarm ends without handing back
      return commit(wall, { ...s, ...switchTo(w, s, scene), alarm: null, rotation: { ...s.rotation, playing: false, nextAt: null } },
        actor, 'scene', { scene });
    },
    rotation(wall: string, action: 'pause' | 'resume' | 'next', actor: Actor): WallState {
      const w = config(wall), s = get(wall);
      if (action === 'pause') return commit(wall, { ...s, rotation: { ...s.rotation, playing: false, nextAt: null } }, actor, 'rotation.pause');
      const which = playlistInForce(w, o.now(), o.timezone);
      const list = playlistOf(w, which);
      // resume continues with the current scene's place in the playlist; next moves on at once
      const current = which === s.rotation.playlist ? s.rotation.index : 0;
      const here = list.findIndex((p) => p.scene === s.scene);
      const index = action === 'next' ? (current + 1) % list.length : here >= 0 ? here : current;
      const item = list[index]!;
      const next = { ...s, ...switchTo(w, s, item.scene), alarm: null };
      return commit(wall, { ...next, rotation: { playing: true, playlist: which, index,
        nextAt: Math.max(next.switchAt, o.now()) + item.seconds * 1000 } }, actor, `rotation.${action}`, { scene: item.scene });
    },
    focus(wall: string, target: { kind: FocusKind; id: string } | null, actor: Actor): WallState {
      const s = get(wall);
      const focus = target ? resolveFocus(target.kind, target.id) : null;
      return commit(wall, { ...s, focus }, actor, focus ? 'focus' : 'focus.clear', focus ? { kind: focus.kind, id: focus.id, label: focus.label_en } : {});
    },
    mode(wall: string, mode: WallMode, lang: WallLang | undefined, actor: Actor): WallState {
      const s = get(wall);
      return commit(wall, { ...s, mode, lang: lang ?? s.lang }, actor, 'mode', { mode, ...(lang ? { lang } : {}) });
    },
    lang(wall: string, lang: WallLang, actor: Actor): WallState {
      return commit(wall, { ...get(wall), lang }, actor, 'lang', { lang });
    },
    layers(wall: string, layers: Partial<Record<MapLayer, boolean | null>>, actor: Actor): WallState {
      const s = get(wall);
      const merged: Partial<Record<MapLayer, boolean>> = { ...s.layers };
      for (const [k, v] of Object.entries(layers) as [MapLayer, boolean | null][]) { if (v === null) delete merged[k]; else merged[k] = v; }
      return commit(wall, { ...s, layers: merged }, actor, 'layers', { layers });
    },
    banner(wall: string, text: string | null, minutes: number | null, actor: Actor): WallState {
      const s = get(wall);
      const banner = text ? { text, until: minutes ? o.now() + minutes * 60_000 : null } : null;
      return commit(wall, { ...s, banner }, actor, banner ? 'banner' : 'banner.clear', banner ? { text, minutes } : {});
    },
    endAlarm: (wall: string, actor: Actor): WallState => handBack(wall, actor),
    /** Puts every screen of the wall into the past, moves the replay on, or back to live (./replay.ts). */
    replay(wall: string, body: ReplayBody, actor: Actor): WallState {
      const w = config(wall), s = get(wall);
      const command = parseReplayBody(body, o.dataNow());
      if (command.action === 'live' && !s.replay) return s;
      const replay = nextReplay(s.replay, command, { now: o.now(), idleMs: w.replayIdleSeconds * 1000, by: actor.name });
      const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
      const detail = 'at' in command ? { at: iso(command.at) } : 'from' in command ? { from: iso(command.from), to: iso(command.to), speed: command.speed } : {};
      return commit(wall, { ...s, replay }, actor, `replay.${command.action}`, detail);
    },
    /** Every screen of the wall online has prepared the scene of `version`: the switch comes forward to a moment
     *  just ahead (never before its earliest time). */
    ready(wall: string, version: number): void {
      if (o.follower) return;
      const s = states.get(wall);
      if (!s || s.version !== version) return;
      const at = Math.max(earliest.get(wall) ?? 0, o.now() + READY_MARGIN_MS);
      if (at >= s.switchAt - 50) return;
      commit(wall, { ...s, switchAt: at }, SYSTEM_ROTATION, null);
    },
    actions: (wall: string | null, limit = 100): WallAction[] => o.store.walls.actions(wall, limit),
    /** A follower takes the primary's state of a wall (a newer version only); screens are told through onState. */
    mirror(next: WallState): void {
      const before = states.get(next.wall);
      if (!before || next.version <= before.version) return;
      states.set(next.wall, next);
      onState(next, before);
    },
    listen(l: WallListener): () => void { listeners.add(l); return () => listeners.delete(l); },
    /** every wall's state (what a follower copies) */
    states: (): WallState[] => [...states.values()],
    tick,
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        try { tick(); } catch (e) { o.log?.('walls: a tick failed', { error: (e as Error).stack ?? String(e) }); }
      }, 250);
      timer.unref();
    },
    stop(): void { if (timer) clearInterval(timer); timer = null; stopHub(); },
  };
}
export type WallManager = ReturnType<typeof createWallManager>;
