// The time control's words in Russian and English.
const ru = {
  title: 'Повтор на стене', live: 'В ЭФИРЕ', replay: 'ПОВТОР', held: 'момент', playing: 'воспроизведение ×{speed}', paused: 'пауза',
  ended: 'конец окна', liveAt: 'к текущему в {time} или при тревоге', by: 'включил {name}', day: 'День', today: 'Сегодня',
  prevDay: '← день', nextDay: 'день →', pick: 'Нажмите на шкалу, чтобы показать момент на всех экранах стены',
  play: 'Воспроизвести', length: 'окно', speed: 'скорость', pause: 'Пауза', resume: 'Продолжить', back: '−10 мин', forward: '+10 мин',
  toLive: 'Вернуть в эфир', night: 'Ночь 20:00–08:00 ×600', incidents: 'происшествия', alarms: 'тревоги', toNow: 'до сейчас',
  hours: '{n} ч',
};
export type TimeKey = keyof typeof ru;
const en: Record<TimeKey, string> = {
  title: 'Replay on the wall', live: 'LIVE', replay: 'REPLAY', held: 'a moment', playing: 'playing ×{speed}', paused: 'paused',
  ended: 'end of the window', liveAt: 'live again at {time} or on an alarm', by: 'started by {name}', day: 'Day', today: 'Today',
  prevDay: '← day', nextDay: 'day →', pick: 'Click the timeline to show that moment on every screen of the wall',
  play: 'Play', length: 'window', speed: 'speed', pause: 'Pause', resume: 'Resume', back: '−10 min', forward: '+10 min',
  toLive: 'Back to live', night: 'Night 20:00–08:00 ×600', incidents: 'incidents', alarms: 'alarms', toNow: 'to now',
  hours: '{n} h',
};
const STRINGS = { ru, en };

export function timeText(lang: 'ru' | 'en', k: TimeKey, v: Record<string, string | number> = {}): string {
  return STRINGS[lang][k].replace(/\{(\w+)\}/g, (_, name: string) => String(v[name] ?? ''));
}
