// The desk's words in both languages.
export const DESK_STRINGS = {
  ru: {
    title: 'Рабочее место дежурного', console: 'Пульт', filters: 'Фильтры', clear: 'Сбросить фильтры', all: 'все',
    municipality: 'Муниципалитет', category: 'Тема', channel: 'Канал', operator: 'Оператор', window: 'Период',
    today: 'сегодня', '24h': '24 часа', '7d': '7 дней', '30d': '30 дней',
    overdue: 'Просрочено', 'past-ceiling': 'из них сверх предельного срока', appeals: 'Обращений за период', overflowing: 'Переполненных площадок',
    busy: 'Бригад на вызовах', incidents: 'Активных происшествий', byCategory: 'Темы сегодня', ranking: 'Муниципалитеты: просрочено',
    showOnWall: 'Показать на стене', backToRepublic: 'Вся республика', close: 'Закрыть', csv: 'CSV', rows: 'строк', loading: 'загрузка…',
    wall: 'Стена', updated: 'обновлено', personal: 'Персональные данные (просмотр записан)', history: 'История', near: 'Рядом',
    track: 'Трек за час', week: 'Неделя', sanitary: 'Санитарная норма', source: 'Источник', description: 'Описание',
    shownOnWall: 'показано на стене', hint: 'Наведите на объект карты — подсказка; щелчок — карточка.',
    teams: 'Бригады', sites: 'Контейнерные площадки', nearWithin: 'в радиусе {km} км от',
    oldestDue: 'Старейшая просрочка', onTime: 'Ответов в срок', teamsHere: 'Бригады подстанций', callsToday: 'Вызовов скорой сегодня',
    byChannelUsual: 'Обращения сегодня по каналам', byCategoryUsual: 'Обращения сегодня по темам', usualCol: 'обычно (разброс)',
    above: 'выше обычного', below: 'ниже обычного', noUsual: 'мало истории', againstUsual: 'сравнение: тот же день недели до этого часа, последние обычные недели',
    type: 'Тип', severity: 'Тяжесть', status: 'Статус', reported: 'Сообщено', nearTeams: 'Бригады в радиусе {km} км', nearSites: 'Площадки в радиусе {km} км',
    callsign: 'Позывной', since: 'с', substation: 'Подстанция', lastFix: 'Последняя отметка', secondsAgo: '{n} с назад', fixes: '{n} отметок',
    call: 'Вызов', noCall: 'нет текущего вызова', callReceived: 'Вызов принят', taken: 'Бригада выехала', arrived: 'Прибыла', minutesAfterCall: 'через {n} мин после вызова',
    expected: 'Ожидается ≈', kmLeft: '{km} км по прямой, {kmh} км/ч', arrivalTarget: 'Норматив доезда: {n} мин', late: 'позже норматива', inTime: 'в нормативе',
    operatorLabel: 'Оператор', fill: 'Заполнение', serviced: 'Последний вывоз', hoursDays: '{h} ч при норме {d} сут', pastLimit: 'сверх нормы', events: '{n} событий',
    received: 'Поступило', due: 'Срок ответа', response: 'Ответ: доля срока (медиана)', byOperator: 'Площадки по операторам',
    departmental: 'Показатели ведомств по району', capAlert: 'Оповещение CAP', expires: 'до', trackKm: '{km} км за час, {n} отметок',
    weekEvents: 'Неделя: вывозы и смены статуса', handover: 'Сдача смены: ночь', replayNight: 'Повтор ночи ×600',
    hoReported: 'новых происшествий', hoResolved: 'завершено', hoReceived: 'обращений поступило', hoAnswered: 'отвечено',
    hoOverdue: 'просрочено: было {a}, стало {b}', hoAlarms: 'тревог на стенах', hoOverflowing: 'площадок переполнилось', 'k.registered': 'учтена', 'k.status': 'статус', 'k.serviced': 'вывоз', 'v.free': 'свободна', 'v.en_route': 'едет на вызов', 'v.on_scene': 'на месте', 'v.to_hospital': 'везёт в больницу',
    'v.returning': 'возвращается', 'v.off_duty': 'не на смене', 'i.active': 'активно', 'i.resolved': 'завершено', 'src.simulator': 'симулятор', 'src.device': 'трекер OsmAnd', 'src.producer': 'система-источник',
  },
  en: {
    title: "Duty officer's desk", console: 'Console', filters: 'Filters', clear: 'Clear filters', all: 'all',
    municipality: 'Municipality', category: 'Topic', channel: 'Channel', operator: 'Operator', window: 'Window',
    today: 'today', '24h': '24 hours', '7d': '7 days', '30d': '30 days',
    overdue: 'Overdue', 'past-ceiling': 'of which past the ceiling', appeals: 'Appeals in the window', overflowing: 'Overflowing sites',
    busy: 'Teams on calls', incidents: 'Active incidents', byCategory: 'Topics today', ranking: 'Municipalities: overdue',
    showOnWall: 'Show on the wall', backToRepublic: 'Whole republic', close: 'Close', csv: 'CSV', rows: 'rows', loading: 'loading…',
    wall: 'Wall', updated: 'updated', personal: 'Personal data (this view is recorded)', history: 'History', near: 'Near',
    track: 'Last hour', week: 'Week', sanitary: 'Sanitary rule', source: 'Source', description: 'Description',
    shownOnWall: 'shown on the wall', hint: 'Hover over the map for what is there; click for its card.',
    teams: 'Ambulance teams', sites: 'Container sites', nearWithin: 'within {km} km of',
    oldestDue: 'Oldest overdue', onTime: 'Answered on time', teamsHere: 'Teams at its substations', callsToday: 'Ambulance calls today',
    byChannelUsual: 'Appeals today by channel', byCategoryUsual: 'Appeals today by topic', usualCol: 'usual (range)',
    above: 'above usual', below: 'below usual', noUsual: 'too little history', againstUsual: 'compared with the same weekday up to this hour, last ordinary weeks',
    type: 'Type', severity: 'Severity', status: 'Status', reported: 'Reported', nearTeams: 'Teams within {km} km', nearSites: 'Sites within {km} km',
    callsign: 'Callsign', since: 'since', substation: 'Substation', lastFix: 'Last fix', secondsAgo: '{n} s ago', fixes: '{n} fixes',
    call: 'Call', noCall: 'no current call', callReceived: 'Call received', taken: 'Team set off', arrived: 'Arrived', minutesAfterCall: '{n} min after the call',
    expected: 'Expected ≈', kmLeft: '{km} km in a straight line, {kmh} km/h', arrivalTarget: 'Arrival standard: {n} min', late: 'later than the standard', inTime: 'within the standard',
    operatorLabel: 'Operator', fill: 'Fill', serviced: 'Last collection', hoursDays: '{h} h against a rule of {d} d', pastLimit: 'past the rule', events: '{n} events',
    received: 'Received', due: 'Answer due', response: 'Response: share of the deadline (median)', byOperator: 'Sites by operator',
    departmental: "Departments' indicators for it", capAlert: 'CAP alert', expires: 'until', trackKm: '{km} km in the last hour, {n} fixes',
    weekEvents: 'The week: collections and status changes', handover: 'Handover: the night', replayNight: 'Replay the night ×600',
    hoReported: 'new incidents', hoResolved: 'resolved', hoReceived: 'appeals received', hoAnswered: 'answered',
    hoOverdue: 'overdue: {a} then, {b} now', hoAlarms: 'alarms on walls', hoOverflowing: 'sites went overflowing', 'k.registered': 'registered', 'k.status': 'status', 'k.serviced': 'collected', 'v.free': 'free', 'v.en_route': 'on the way to a call', 'v.on_scene': 'on scene', 'v.to_hospital': 'taking to hospital',
    'v.returning': 'returning', 'v.off_duty': 'off duty', 'i.active': 'active', 'i.resolved': 'resolved', 'src.simulator': 'simulator', 'src.device': 'OsmAnd tracker', 'src.producer': 'source system',
  },
} as const;
export type DeskKey = keyof (typeof DESK_STRINGS)['ru'];

/** a desk string with its {placeholders} filled */
export function deskText(lang: 'ru' | 'en', key: DeskKey, vars?: Record<string, string | number>): string {
  const s: string = DESK_STRINGS[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : s;
}
