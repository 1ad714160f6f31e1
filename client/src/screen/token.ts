// This browser's screen token (from pairing), kept in localStorage so a reload or a reboot never asks again.
const KEY = 'sitroom.screen-token';

export const screenToken = (): string | null => { try { return localStorage.getItem(KEY); } catch { return null; } };
export const keepScreenToken = (token: string): void => { localStorage.setItem(KEY, token); };
export const forgetScreenToken = (): void => { try { localStorage.removeItem(KEY); } catch { /* storage may be off */ } };
