// The spotlight's one line of facts on a focused item, in both languages: what a status or severity is called on the
// wall. Only values of Sitroom's own vocabularies, never a producer's or a resident's text.
export type Texts = Record<string, [ru: string, en: string]>;

export const SEVERITY_TEXT: Texts = { minor: ['незначительное', 'minor'], moderate: ['умеренное', 'moderate'], severe: ['серьёзное', 'severe'], extreme: ['чрезвычайное', 'extreme'] };
export const VEHICLE_STATUS_TEXT: Texts = { free: ['свободна', 'free'], en_route: ['в пути к вызову', 'en route'], on_scene: ['на вызове', 'on scene'],
  to_hospital: ['в стационар', 'to hospital'], returning: ['возвращается', 'returning'], off_duty: ['не на смене', 'off duty'], unknown: ['статус неизвестен', 'status unknown'] };
export const APPEAL_STATUS_TEXT: Texts = { received: ['поступило', 'received'], in_work: ['в работе', 'in work'], answered: ['дан ответ', 'answered'], closed: ['закрыто', 'closed'] };

export function spotlight(texts: Texts, key: string): { detail_ru: string; detail_en: string } {
  const [ru, en] = texts[key] ?? [key, key];
  return { detail_ru: ru, detail_en: en };
}
