// The rhythm of a day and a week: relative activity by local hour, and weekday factors. Sitroom's estimates of
// how appeals and calls are spread (quiet at night, morning and evening peaks), not measured figures.
export const APPEAL_HOURLY = [0.15, 0.08, 0.05, 0.05, 0.07, 0.15, 0.4, 0.9, 1.5, 1.8, 1.75, 1.6, 1.45, 1.5, 1.5, 1.45, 1.4,
  1.35, 1.45, 1.6, 1.55, 1.2, 0.75, 0.35];
/** Sunday = 0 … Saturday = 6 */
export const APPEAL_WEEKDAY = [0.7, 1.12, 1.1, 1.06, 1.05, 1.0, 0.78];
export const HOTLINE_HOURLY = [0, 0, 0, 0, 0, 0, 0, 0.3, 1.2, 1.8, 1.9, 1.7, 1.3, 1.5, 1.7, 1.6, 1.4, 1.1, 0.4, 0, 0, 0, 0, 0];
export const HOTLINE_WEEKDAY = [0.2, 1.2, 1.15, 1.1, 1.1, 1.05, 0.3];
/** ambulance calls: peaks late morning and in the evening, never zero */
export const EMS_HOURLY = [0.6, 0.5, 0.45, 0.4, 0.4, 0.45, 0.6, 0.9, 1.2, 1.4, 1.45, 1.4, 1.3, 1.25, 1.2, 1.2, 1.25, 1.3, 1.35,
  1.3, 1.2, 1.0, 0.85, 0.7];

export function normalised(profile: readonly number[]): number[] {
  const total = profile.reduce((a, b) => a + b, 0);
  return profile.map((v) => v / total);
}
