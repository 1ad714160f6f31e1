// Named metrics the indicators read. Any producer (a departmental system, the simulator) may post them to
// /api/ingest/metrics; the units are in the names.
export const METRICS = {
  /** one sample per ambulance call, value 1, at the call's time */
  emsCall: 'ems.call',
  /** seconds from the call to the team's arrival, at the arrival time */
  emsArrival: 'ems.arrival_s',
  /** teams on duty (sampled through the day, or one daily figure) */
  emsTeamsOnDuty: 'ems.teams_on_duty',
  /** one sample per hotline call: value = seconds waited, label outcome = answered | missed */
  hotlineCall: 'hotline.call_wait_s',
  /** air temperature, °C (a weather service, or the simulator): decides the sanitary limit for container sites */
  airTemperature: 'weather.air_temperature_c',
} as const;

export const ARRIVAL_TARGET_MINUTES = 20;

/** meta key: from when the stored history is complete, set by a producer that backfills it (the simulator): before
 *  it only stragglers exist (appeals re-planned for their later changes), so no baseline week starts earlier */
export const HISTORY_SINCE = 'history.since';
