// The console's labels in Russian and English.
const ru = {
  title: 'Пульт дежурного', desk: 'Рабочее место', signIn: 'Вход', name: 'Имя', password: 'Пароль', orToken: 'или токен', enter: 'Войти', signOut: 'Выйти',
  walls: 'Стены', scene: 'Сцена', scenes: 'Сцены', now: 'сейчас', switching: 'переключение на', rotation: 'Ротация', playing: 'идёт',
  paused: 'на паузе', pause: 'Пауза', resume: 'Продолжить', next: 'Следующая', nextIn: 'следующая через', playlist: 'Плейлист',
  night: 'по расписанию', focus: 'Фокус карты', municipality: 'Муниципалитет', incident: 'Происшествие', vehicle: 'Бригада',
  wholeRepublic: 'Вся республика', show: 'Показать', layers: 'Слои карты', sceneChoice: 'как в сцене', on: 'вкл', off: 'выкл',
  language: 'Язык стены', banner: 'Сообщение на стене', minutes: 'мин', clear: 'Убрать', visitor: 'Режим для гостей',
  visitorOn: 'Включить режим для гостей', visitorOff: 'Выключить режим для гостей', visitorHint: 'Только сводные цифры и карта; персональные данные не передаются на экраны',
  alarm: 'Тревога', handBack: 'Вернуть стену', screens: 'Экраны', online: 'на связи', offline: 'нет связи', pair: 'Подключить экран',
  code: 'Код с экрана', position: 'Позиция', screenName: 'Название', approve: 'Подключить', waiting: 'Ожидают подключения',
  revoke: 'Отключить', revoked: 'отключён', local: 'локальный браузер', log: 'Журнал действий', users: 'Пользователи',
  addUser: 'Добавить', role: 'Роль', error: 'Ошибка', none: 'нет', activeIncidents: 'Активные происшествия', callsign: 'позывной',
};
export type ConsoleKey = keyof typeof ru;
const en: Record<ConsoleKey, string> = {
  title: "Duty officer's console", desk: 'Desk', signIn: 'Sign in', name: 'Name', password: 'Password', orToken: 'or a token', enter: 'Sign in', signOut: 'Sign out',
  walls: 'Walls', scene: 'Scene', scenes: 'Scenes', now: 'now', switching: 'switching to', rotation: 'Rotation', playing: 'playing',
  paused: 'paused', pause: 'Pause', resume: 'Resume', next: 'Next', nextIn: 'next in', playlist: 'Playlist',
  night: 'scheduled', focus: 'Map focus', municipality: 'Municipality', incident: 'Incident', vehicle: 'Team',
  wholeRepublic: 'Whole republic', show: 'Show', layers: 'Map layers', sceneChoice: 'as in scene', on: 'on', off: 'off',
  language: "Wall's language", banner: 'Message on the wall', minutes: 'min', clear: 'Clear', visitor: 'Visitor mode',
  visitorOn: 'Start visitor mode', visitorOff: 'End visitor mode', visitorHint: 'Aggregates and the map only; no personal data is sent to the screens',
  alarm: 'Alarm', handBack: 'Hand the wall back', screens: 'Screens', online: 'online', offline: 'offline', pair: 'Pair a screen',
  code: 'Code on the screen', position: 'Position', screenName: 'Name', approve: 'Pair', waiting: 'Waiting to be paired',
  revoke: 'Revoke', revoked: 'revoked', local: 'local browser', log: 'Action log', users: 'Users',
  addUser: 'Add', role: 'Role', error: 'Error', none: 'none', activeIncidents: 'Active incidents', callsign: 'callsign',
};
export const CONSOLE_STRINGS = { ru, en };
