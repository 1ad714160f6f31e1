// What each figure on the wall counts, over which window, and what it is compared with, in Russian and English: one
// definition per figure, sent with every summary (GET /api/summary, the kpi topic) and shown by the panels on hover,
// on tap, and as the delegation scene's footnotes. docs/figures.md says the same.
import type { FigureDefinition, FigureText } from '../../protocol/summary';

type Lang = FigureText;
const def = (ru: Lang, en: Lang): FigureDefinition => ({ ru, en });

const USUAL_RU = 'обычное значение: тот же день недели в то же время за 6 последних обычных недель (без праздников); отмечается, только если вне обычного диапазона';
const USUAL_EN = 'usual: the same weekday at the same time over the last 6 ordinary weeks (holidays left out); marked only when outside the usual range';
const TODAY_RU = 'сегодня с 00:00 по местному времени';
const TODAY_EN = 'today since 00:00 local time';

export const DEFINITIONS: Record<string, FigureDefinition> = {
  'appeals.total': def(
    { counts: 'обращения граждан, поступившие по всем каналам', window: TODAY_RU, compared: USUAL_RU,
      short: 'Все каналы, с 00:00; обычное — тот же день недели за 6 недель' },
    { counts: "residents' appeals received through every channel", window: TODAY_EN, compared: USUAL_EN,
      short: 'All channels since 00:00; usual: the same weekday over 6 weeks' }),
  'appeals.byChannel': def(
    { counts: 'обращения, поступившие по каждому каналу', window: TODAY_RU, compared: USUAL_RU },
    { counts: 'appeals received through each channel', window: TODAY_EN, compared: USUAL_EN }),
  'appeals.byCategory': def(
    { counts: 'обращения по каждой теме; пять самых частых', window: TODAY_RU, compared: USUAL_RU },
    { counts: 'appeals by topic; the five most frequent', window: TODAY_EN, compared: USUAL_EN }),
  'appeals.byMunicipality': def(
    { counts: 'обращения по каждому муниципалитету и на 10 000 жителей', window: TODAY_RU, compared: USUAL_RU },
    { counts: 'appeals per municipality, and per 10,000 residents', window: TODAY_EN, compared: USUAL_EN }),
  'appeals.hourly': def(
    { counts: 'обращения за каждый час', window: TODAY_RU, compared: 'полоса позади кривой: обычный диапазон этого часа в тот же день недели за 6 обычных недель' },
    { counts: 'appeals per hour', window: TODAY_EN, compared: "the band behind the curve: this hour's usual range on the same weekday over 6 ordinary weeks" }),
  'deadlines.onTimeShare': def(
    { counts: 'из обращений, срок ответа по которым истёк в окне, доля отвеченных (или закрытых) в срок; открытые после срока считаются просроченными', window: 'последние 30 дней (SITROOM_DEADLINE_WINDOW_DAYS)', compared: 'цель 90 %',
      short: 'Обращения со сроком за 30 дней, отвеченные в срок' },
    { counts: 'of the appeals whose deadline fell in the window, the share answered (or closed) by it; open ones past it count as late', window: 'the last 30 days (SITROOM_DEADLINE_WINDOW_DAYS)', compared: 'target 90 %',
      short: 'Appeals due in the last 30 days, answered in time' }),
  'deadlines.openOverdue': def(
    { counts: 'открытые обращения с истёкшим сроком ответа; «из них за пределом» — те, что прошли и предельный срок канала', window: 'сейчас', compared: 'ноль' },
    { counts: "open appeals past their deadline; \"of which past the ceiling\": those past the channel's ceiling too", window: 'now', compared: 'zero' }),
  'ranking.byResponse': def(
    { counts: 'медиана доли срока, которую занял ответ (50 % — ответ на середине срока); сравнима между каналами с разными сроками', window: 'ответы за последние 30 дней', compared: 'другие муниципалитеты; 100 % — срок' },
    { counts: 'the median share of its deadline an answer used (50 %: halfway); comparable across channels with different deadlines', window: 'answers of the last 30 days', compared: 'the other municipalities; 100 % is the deadline' }),
  'ranking.byOverdue': def(
    { counts: 'открытые обращения с истёкшим сроком в каждом муниципалитете', window: 'сейчас', compared: 'другие муниципалитеты' },
    { counts: 'open appeals past their deadline in each municipality', window: 'now', compared: 'the other municipalities' }),
  'deadlines.byChannel': def(
    { counts: 'медиана времени ответа в часах по каждому каналу (у всех обращений канала один срок)', window: 'ответы за последние 30 дней', compared: 'срок канала' },
    { counts: "the median hours to answer in each channel (every appeal of a channel has one deadline)", window: 'answers of the last 30 days', compared: "the channel's deadline" }),
  'fleet.onDuty': def(
    { counts: 'бригады скорой помощи на линии (не «вне смены»)', window: 'сейчас', compared: 'тот же день недели 52 недели назад, ±1 час',
      short: 'Сейчас; год назад — тот же день недели, тот же час' },
    { counts: 'ambulance teams on duty (not off duty)', window: 'now', compared: 'the same weekday 52 weeks ago, within an hour',
      short: 'Now; a year ago: the same weekday and hour' }),
  'fleet.status': def(
    { counts: 'бригады по статусам: свободны, в пути, на вызове, в стационар, возвращаются', window: 'сейчас, по последней отметке', compared: '—' },
    { counts: 'teams by status: free, en route, on scene, to hospital, returning', window: 'now, by the last fix', compared: '—' }),
  'fleet.calls': def(
    { counts: 'принятые вызовы скорой помощи', window: TODAY_RU, compared: USUAL_RU },
    { counts: 'ambulance calls taken', window: TODAY_EN, compared: USUAL_EN }),
  'fleet.arrival': def(
    { counts: 'время от вызова до прибытия бригады: медиана и доля прибытий за 20 минут', window: 'прибытия ' + TODAY_RU, compared: 'норматив 20 минут (приказ 388н)' },
    { counts: 'time from the call to the team\'s arrival: median and the share within 20 minutes', window: 'arrivals ' + TODAY_EN, compared: 'the 20-minute standard (Order 388n)' }),
  'containers.servicedTodayShare': def(
    { counts: 'вывезенные сегодня площадки из тех, что должны были быть вывезены к этому часу (вывезенные сегодня и вышедшие за санитарный срок)', window: TODAY_RU, compared: 'санитарный срок: ежедневно при +5 °C и выше, иначе раз в 3 дня (СанПиН 2.1.3684-21)',
      short: 'Из площадок, положенных к вывозу по санитарным правилам' },
    { counts: 'sites serviced today of those due by now (serviced today, or past their sanitary limit)', window: TODAY_EN, compared: 'the sanitary limit: daily at +5 °C and above, else every 3 days (SanPiN 2.1.3684-21)',
      short: 'Of the sites due by now under the sanitary rules' }),
  'containers.overflowing': def(
    { counts: 'площадки, переполненные сейчас; не вывозились 24 ч и 72 ч', window: 'сейчас', compared: 'ноль' },
    { counts: 'sites overflowing now; not serviced for 24 h and 72 h', window: 'now', compared: 'zero' }),
  'incidents.active': def(
    { counts: 'активные происшествия по типам и тяжести; новые за сегодня', window: 'сейчас; сегодня', compared: '—' },
    { counts: 'active incidents by type and severity; new today', window: 'now; today', compared: '—' }),
  'hotline.calls': def(
    { counts: 'звонки на горячую линию; доля пропущенных; медиана ожидания', window: TODAY_RU, compared: USUAL_RU },
    { counts: 'hotline calls; the missed share; the median wait', window: TODAY_EN, compared: USUAL_EN }),
  departmental: def(
    { counts: 'показатель ведомственной системы, последнее значение', window: 'на время измерения', compared: 'значение не менее чем сутки назад; пороги ведомства' },
    { counts: "a departmental system's indicator, its newest value", window: 'as of its measurement', compared: "the value at least a day earlier; the department's thresholds" }),
  'year.appeals': def(
    { counts: 'обращения, поступившие по каждому каналу, и всего', window: 'с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'appeals received through each channel, and in all', window: 'from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.onTime': def(
    { counts: 'доля обращений со сроком ответа в эти дни, на которые ответили (или закрыли) до срока', window: 'с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'of the appeals whose deadline fell in these days, the share answered (or closed) by it', window: 'from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.fleet': def(
    { counts: 'бригады скорой на линии: среднее за сутки, по отметкам каждые полчаса; по месяцам', window: 'с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'ambulance teams on duty: the average of each day, from the half-hourly samples; by month', window: 'from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.calls': def(
    { counts: 'вызовы скорой в сутки; доля доездов до места не дольше 20 минут от вызова', window: 'с 1 января по вчерашний день включительно (целые сутки); только дни с записями о вызовах', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'ambulance calls a day; the share of arrivals at the scene within 20 minutes of the call', window: 'from 1 January to yesterday, whole days; days with a record of calls only', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.sites': def(
    { counts: 'площадки, зарегистрированные сейчас; доля вывозов, сделанных в пределах санитарного срока после предыдущего', window: 'сейчас; с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'sites registered now; the share of collections made within the sanitary limit after the one before', window: 'now; from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.incidents': def(
    { counts: 'происшествия по типам, по времени сообщения', window: 'с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: 'incidents by type, by the time they were reported', window: 'from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'year.producers': def(
    { counts: 'системы, приславшие обращения, происшествия или вызовы бригад хотя бы раз; потоки данных (вид × система)', window: 'с 1 января по вчерашний день включительно (целые сутки)', compared: 'те же даты прошлого года; из собственных записей Sitroom или из импортированного архива за дни до них' },
    { counts: "systems that sent appeals, incidents or teams' calls at least once; data feeds (kind × system)", window: 'from 1 January to yesterday, whole days', compared: "the same dates last year; from Sitroom's own records, or from an archive imported for the days before them" }),
  'outsideRegion.total': def(
    { counts: 'поступившее с точкой за пределами республики: отложено, нигде не учтено', window: 'последние 24 часа', compared: '—' },
    { counts: 'items that came with a point outside the republic: kept aside, counted nowhere', window: 'the last 24 hours', compared: '—' }),
};
