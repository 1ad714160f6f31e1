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
  },
} as const;
export type DeskKey = keyof (typeof DESK_STRINGS)['ru'];
