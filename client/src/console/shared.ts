// What the console's parts share: the walls as the console sees them, the words, names and times in its language.
import { useCallback } from 'react';
import type { Layout } from '../../../server/protocol/layout';
import type { OnlineScreen, WallConfig, WallState } from '../../../server/protocol/walls';
import type { Lang } from '../i18n/lang';
import { CONSOLE_STRINGS, type ConsoleKey } from './strings';

export interface WallView { wall: WallConfig; state: WallState; scenes: Record<string, Layout>; online: OnlineScreen[] }
export interface Named { id: string; name_ru: string; name_en: string }
export interface Feature { id: string; properties: Record<string, unknown> }
/** what a panel's button does: an HTTP call the server checks and logs */
export type Act = (path: string, body: unknown) => Promise<void>;

export const useT = (lang: Lang) => useCallback((k: ConsoleKey) => CONSOLE_STRINGS[lang][k], [lang]);
export const nameIn = (lang: Lang, x: { name_ru: string; name_en: string } | undefined, fallback = '') => (x ? (lang === 'ru' ? x.name_ru : x.name_en) : fallback);
export const hm = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
